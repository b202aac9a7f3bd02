/** Payloads of the REST API, used by the server to answer and the client to read. */
export interface ProfessionalSummary {
  id: string;
  name: string;
  roleTitle: string;
  domain: 'medical' | 'social';
  team: string | null;
  organisation: string | null;
  phone: string | null;
  email: string | null;
}

export type RecoveryContext = 'stroke' | 'psychiatric' | 'addiction';

export interface CaseSummary {
  id: string;
  clientName: string;
  birthYear: number | null;
  neighbourhood: string;
  recoveryContext: RecoveryContext;
  status: 'open' | 'closed';
  coordinator: { id: string; name: string } | null;
  memberCount: number;
}

export interface CaseMember extends ProfessionalSummary {
  caseRole: string;
}

export interface CaseDetails extends CaseSummary {
  members: CaseMember[];
}

export interface ApiError {
  error: string;
}

import type { MergeValues } from '../../shared/letters.js';
import type { CaseFacts } from '../../shared/permissions.js';
import type { Services } from '../services/index.js';
import { dateInWords } from './service.js';

export interface LetterContext {
  caseId: string;
  facts: CaseFacts;
  referrerId: string;
  toProfessionalId: string;
  goalTitle: string | null;
  serviceId: string | null;
  reason: string;
  question: string;
  /** The consent the referral carries information on, if it does. */
  consentId: string | null;
}

const sideWords = { medical: 'medische', social: 'sociale' } as const;

/**
 * The merge fields of a letter for a referral about to be made: the client, both people, the
 * goal and service, and the consent the letter rests on — the one it carries information on, else
 * a consent in force that shares the receiver's side's notes with the referrer (what a request for
 * information asks for). Never more of the client than the letter needs: name and date of birth.
 */
export async function letterValues(s: Services, context: LetterContext): Promise<Partial<MergeValues>> {
  const details = await s.cases.getCase(context.caseId);
  const people = await s.referrals.store.people([context.referrerId, context.toProfessionalId]);
  const from = people.get(context.referrerId);
  const to = people.get(context.toProfessionalId);
  const service = context.serviceId ? await s.socialMap.get(context.serviceId) : undefined;
  const consents = (await s.caseAdmin.listConsents(context.caseId)).filter((c) =>
    context.facts.consents.some((f) => f.id === c.id),
  );
  const consent =
    consents.find((c) => c.id === context.consentId) ??
    (to && from
      ? consents.find(
          (c) =>
            c.compartment === to.side &&
            c.compartment !== from.side &&
            (c.sharedWithProfessionalId === from.id || c.sharedWithDomain === from.side),
        )
      : undefined);
  return {
    'cliënt.naam': details?.clientName ?? '',
    'cliënt.geboortedatum': details?.client.dateOfBirth
      ? dateInWords(details.client.dateOfBirth)
      : 'onbekend',
    'verwijzer.naam': from?.name ?? '',
    'verwijzer.functie': from?.roleTitle ?? '',
    'verwijzer.organisatie': from?.organisation ?? '',
    'verwijzer.telefoon': from?.phone ?? '',
    'verwijzer.email': from?.email ?? '',
    'ontvanger.naam': to?.name ?? '',
    'ontvanger.functie': to?.roleTitle ?? '',
    'ontvanger.organisatie': to?.organisation ?? '',
    reden: context.reason,
    vraag: context.question,
    doel: context.goalTitle ?? 'geen specifiek doel',
    dienst: service ? `${service.name} (${service.organisationName})` : 'geen specifieke dienst',
    toestemming: consent
      ? `De cliënt gaf toestemming om gegevens uit het ${sideWords[consent.compartment]} dossier te delen met ${
          consent.sharedWithName ?? `het ${sideWords[consent.sharedWithDomain ?? 'social']} domein`
        }, geldig tot ${dateInWords(consent.validUntil)}.`
      : 'Er gaan met deze brief geen gegevens uit het medisch of sociaal dossier mee.',
    'toestemming.datum': consent ? dateInWords(consent.givenOn) : '',
    datum: dateInWords(new Date().toISOString()),
  };
}

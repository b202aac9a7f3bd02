import type { AdminProfessional, ProfessionalRole } from '../../shared/adminApi.js';

/** A professional as `professionalColumns` reads them: the answer's fields, with the account's flat beside them. */
export type ProfessionalRow = Omit<AdminProfessional, 'account'> & {
  userId: string | null;
  username: string | null;
  role: ProfessionalRole | null;
  hasPassword: number | null;
  disabledAt: string | null;
  twoFactor: number;
};

/** The answer's shape of a row: the account's flat fields folded into `account`, or null without one. */
export const toProfessional = ({
  userId,
  username,
  role,
  hasPassword,
  disabledAt,
  twoFactor,
  ...professional
}: ProfessionalRow): AdminProfessional => ({
  ...professional,
  account:
    userId && username && role
      ? {
          userId,
          username,
          role,
          state: disabledAt ? 'disabled' : hasPassword ? 'active' : 'invited',
          disabledAt,
          twoFactor: twoFactor === 1,
        }
      : null,
});

/** Every professional, with their account when they have one. */
export const professionalFrom = `FROM professionals p LEFT JOIN users u ON u.professional_id = p.id`;
/** What a `ProfessionalRow` reads; needs the teams (`t`) and organisations (`o`) joined. */
export const professionalColumns = `p.id, p.name, p.role_title AS roleTitle, p.domain AS side, p.team_id AS teamId, t.name AS team,
  p.organisation_id AS organisationId, o.name AS organisation, p.phone, p.email,
  u.id AS userId, u.username, u.role, u.password_hash IS NOT NULL AS hasPassword, u.disabled_at AS disabledAt,
  EXISTS (SELECT 1 FROM two_factor f WHERE f.user_id = u.id AND f.enabled_at IS NOT NULL) AS twoFactor,
  (SELECT count(*) FROM cases c WHERE c.coordinator_id = p.id AND c.status = 'open') AS coordinates`;

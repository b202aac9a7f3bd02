import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../server/app.js';
import { addAccount, addMember, addProfessional } from './accounts.js';
import { insertCase } from './server.js';

/** Someone with an account; professionals and coordinators also have a professional id. */
export interface Person {
  userId: string;
  professionalId: string | null;
}

/**
 * Everyone whose rights on a case differ, in one neighbourhood team:
 * - `coordinator` (social domain) coordinates the case;
 * - `socialWorker` (social, write), `gp` (medical, write) and `pharmacist` (medical, read-only)
 *   are members;
 * - `teamMate` is in the same team but not on the case;
 * - `formerMember` was a member until the membership was deleted (SQL, as a revocation leaves it);
 * - `client` is the case's client, `otherClient` the client of `otherCaseId`, which someone
 *   else coordinates;
 * - `bystander` is a professional on no case: the one the coordinator adds, removes and shares
 *   with, so those changes never alter the rights of the people above.
 */
export interface CaseTeam {
  caseId: string;
  otherCaseId: string;
  admin: Person;
  coordinator: Person;
  socialWorker: Person;
  gp: Person;
  pharmacist: Person;
  teamMate: Person;
  formerMember: Person;
  client: Person;
  otherClient: Person;
  otherCoordinator: Person;
  bystander: Person;
}

const professional = (server: RunningServer, options: Parameters<typeof addProfessional>[1]): Person => {
  const { userId, professionalId } = addProfessional(server, options);
  server.db.prepare("UPDATE professionals SET team_id = 'team-test' WHERE id = ?").run(professionalId);
  return { userId, professionalId };
};

const account = (
  server: RunningServer,
  role: 'admin' | 'client',
  name: string,
  clientCaseId?: string,
): Person => ({
  userId: addAccount(server, {
    username: `${role}-${randomUUID().slice(0, 8)}`,
    displayName: name,
    role,
    clientCaseId: clientCaseId ?? null,
  }),
  professionalId: null,
});

/** Builds the case, the other case and every person of `CaseTeam` on a running server. */
export async function caseTeam(server: RunningServer): Promise<CaseTeam> {
  const { db } = server;
  const caseId = insertCase(db);
  const otherCaseId = insertCase(db);
  db.prepare(
    "INSERT OR IGNORE INTO teams (id, name, kind) VALUES ('team-test', 'Wijkteam Test', 'neighbourhood-team')",
  ).run();

  const coordinator = professional(server, { role: 'coordinator', domain: 'social', name: 'Coördinator' });
  const socialWorker = professional(server, { domain: 'social', name: 'Schuldhulpverlener' });
  const gp = professional(server, { domain: 'medical', name: 'Huisarts' });
  const pharmacist = professional(server, { domain: 'medical', name: 'Apotheker' });
  const teamMate = professional(server, { domain: 'social', name: 'Teamgenoot' });
  const formerMember = professional(server, { domain: 'social', name: 'Oud-lid' });
  const otherCoordinator = professional(server, {
    role: 'coordinator',
    domain: 'medical',
    name: 'Andere coördinator',
  });
  const bystander = professional(server, { domain: 'social', name: 'Omstander' });

  db.prepare('UPDATE cases SET coordinator_id = ? WHERE id = ?').run(coordinator.professionalId, caseId);
  db.prepare('UPDATE cases SET coordinator_id = ? WHERE id = ?').run(
    otherCoordinator.professionalId,
    otherCaseId,
  );
  addMember(db, caseId, socialWorker.professionalId!, 'write');
  addMember(db, caseId, gp.professionalId!, 'write');
  addMember(db, caseId, pharmacist.professionalId!, 'read');
  addMember(db, caseId, formerMember.professionalId!, 'write');
  await server.services.caseAdmin.removeMember(caseId, formerMember.professionalId!);

  return {
    caseId,
    otherCaseId,
    admin: account(server, 'admin', 'beheer'),
    coordinator,
    socialWorker,
    gp,
    pharmacist,
    teamMate,
    formerMember,
    client: account(server, 'client', 'cliënt', caseId),
    otherClient: account(server, 'client', 'andere cliënt', otherCaseId),
    otherCoordinator,
    bystander,
  };
}

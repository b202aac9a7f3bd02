import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../server/app.js';
import { hashPassword } from '../../server/auth/passwords.js';
import type { Db } from '../../server/db/database.js';

let counter = 0;

/** Adds a professional of the given domain (with an account) and returns both ids. */
export function addProfessional(
  server: RunningServer,
  options: { domain?: 'medical' | 'social'; role?: 'professional' | 'coordinator'; name?: string } = {},
): { professionalId: string; userId: string } {
  const n = ++counter;
  const professionalId = `prof-test-${n}`;
  server.db
    .prepare('INSERT INTO professionals (id, name, role_title, domain) VALUES (?, ?, ?, ?)')
    .run(professionalId, options.name ?? `Tester ${n}`, 'Tester', options.domain ?? 'social');
  const userId = addAccount(server, {
    username: `tester${n}-${randomUUID().slice(0, 6)}`,
    displayName: options.name ?? `Tester ${n}`,
    role: options.role ?? 'professional',
    professionalId,
  });
  return { professionalId, userId };
}

/**
 * An account as `accounts.create` makes one (no password, no link), written straight into the
 * SQLite file so that fixtures building a whole case team stay synchronous; returns its id.
 */
export function addAccount(
  server: RunningServer,
  account: {
    username: string;
    displayName: string;
    role: 'professional' | 'coordinator' | 'client' | 'admin';
    professionalId?: string | null;
    clientCaseId?: string | null;
  },
): string {
  const userId = randomUUID();
  server.db
    .prepare(
      `INSERT INTO users (id, username, display_name, role, professional_id, client_case_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      userId,
      account.username,
      account.displayName,
      account.role,
      account.professionalId ?? null,
      account.clientCaseId ?? null,
      new Date().toISOString(),
    );
  return userId;
}

export function addMember(
  db: Db,
  caseId: string,
  professionalId: string,
  access: 'write' | 'read' = 'write',
): void {
  db.prepare(
    `INSERT INTO case_members (case_id, professional_id, case_role, access) VALUES (?, ?, 'test', ?)
     ON CONFLICT (case_id, professional_id) DO UPDATE SET access = excluded.access`,
  ).run(caseId, professionalId, access);
}

/** A user with a session; `headers` carry its cookie (and our Origin), as a browser would send. */
export async function signIn(server: RunningServer, userId: string) {
  const { token, csrfToken } = await server.services.sessions.create(userId);
  const cookie = `vz_session=${token}`;
  return {
    cookie,
    csrfToken,
    headers: { cookie, origin: server.url },
  };
}

/** A member of the case who may write, signed in: what most sync tests need. */
export async function signedInMember(
  server: RunningServer,
  caseId: string,
  access: 'write' | 'read' = 'write',
) {
  const person = addProfessional(server);
  addMember(server.db, caseId, person.professionalId, access);
  return { ...person, ...(await signIn(server, person.userId)) };
}

/** Gives an account a password (as setting it through an invitation would); returns its username. */
export async function withPassword(server: RunningServer, userId: string, password: string): Promise<string> {
  server.db
    .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
    .run(await hashPassword(password), userId);
  return server.db
    .prepare<[string], { username: string }>('SELECT username FROM users WHERE id = ?')
    .get(userId)!.username;
}

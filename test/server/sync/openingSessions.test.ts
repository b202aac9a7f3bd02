import { describe, expect, it } from 'vitest';
import type { Session } from '../../../server/auth/sessions.js';
import { OpeningSessions } from '../../../server/sync/extensions/openingSessions.js';

/** The session lookup shared by connections of one session that open together (SPEC A4). */
const session = (idHash: string): Session => ({
  idHash,
  csrfToken: 'csrf',
  limited: false,
  user: {
    id: 'u1',
    username: 'joke',
    displayName: 'Joke Visser',
    role: 'professional',
    professionalId: 'p1',
    domain: 'social',
    clientCaseId: null,
    language: 'nl',
  } as Session['user'],
});

/** A session store whose sessions live until `endsAt` and can be ended; counts its lookups. */
function store(endsAt = Number.POSITIVE_INFINITY) {
  const live = new Set(['token-a', 'token-b']);
  const calls: string[] = [];
  return {
    calls,
    end: (token: string) => live.delete(token),
    getWithEnd: async (token: string | undefined, now = new Date()) => {
      calls.push(token ?? '');
      await Promise.resolve();
      if (!token || !live.has(token) || now.getTime() >= endsAt) return null;
      return { session: session(`hash-${token}`), endsAt };
    },
  };
}
const cookie = (token: string) => `vz_device=x; vz_session=${token}`;

describe('session lookups of connections opening together', () => {
  it('fifty connections of one session opening at once cost one lookup', async () => {
    const sessions = store();
    const opening = new OpeningSessions(sessions, { now: () => 1_000 });
    const found = await Promise.all(Array.from({ length: 50 }, () => opening.get(cookie('token-a'))));
    expect(found.every((s) => s?.idHash === 'hash-token-a')).toBe(true);
    expect(sessions.calls).toEqual(['token-a']);
  });

  it('another session is looked up for itself', async () => {
    const sessions = store();
    const opening = new OpeningSessions(sessions, { now: () => 1_000 });
    expect((await opening.get(cookie('token-a')))?.idHash).toBe('hash-token-a');
    expect((await opening.get(cookie('token-b')))?.idHash).toBe('hash-token-b');
    expect(sessions.calls).toEqual(['token-a', 'token-b']);
  });

  it('a signed-out session is looked up anew once the lookups are forgotten, and found to be gone', async () => {
    const sessions = store();
    const opening = new OpeningSessions(sessions, { now: () => 1_000 });
    expect(await opening.get(cookie('token-a'))).not.toBeNull();
    sessions.end('token-a');
    opening.forget(); // what a re-check of the open connections does
    expect(await opening.get(cookie('token-a'))).toBeNull();
  });

  it('a kept lookup lasts no longer than keepMs', async () => {
    const sessions = store();
    let now = 1_000;
    const opening = new OpeningSessions(sessions, { keepMs: 500, now: () => now });
    await opening.get(cookie('token-a'));
    now += 499;
    await opening.get(cookie('token-a'));
    expect(sessions.calls).toHaveLength(1);
    now += 1;
    await opening.get(cookie('token-a'));
    expect(sessions.calls).toHaveLength(2);
  });

  it('a kept lookup never outlives the session it found', async () => {
    const sessions = store(1_200);
    let now = 1_000;
    const opening = new OpeningSessions(sessions, { keepMs: 60_000, now: () => now });
    expect(await opening.get(cookie('token-a'))).not.toBeNull();
    now = 1_200; // the session's idle limit or expiry
    expect(await opening.get(cookie('token-a'))).toBeNull();
    expect(sessions.calls).toHaveLength(2);
  });

  it('no cookie, no lookup; an unknown session is not kept', async () => {
    const sessions = store();
    const opening = new OpeningSessions(sessions, { now: () => 1_000 });
    expect(await opening.get(undefined)).toBeNull();
    expect(await opening.get('vz_device=x')).toBeNull();
    expect(sessions.calls).toEqual([]);
    expect(await opening.get(cookie('token-x'))).toBeNull();
    expect(await opening.get(cookie('token-x'))).toBeNull();
    expect(sessions.calls).toEqual(['token-x', 'token-x']);
  });
});

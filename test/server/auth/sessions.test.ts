import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionStore } from '../../../server/auth/sessions.js';
import type { SessionStore } from '../../../server/auth/sessions.js';
import { openDatabase } from '../../../server/db/database.js';
import type { Db } from '../../../server/db/database.js';
import { sqliteData } from '../../../server/storage/sqlite.js';

/** Server-side sessions end when idle too long, at their maximum age, and on sign-out. */
let db: Db;
let sessions: SessionStore;
let userId: string;
beforeEach(() => {
  db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-sessions-')));
  sessions = sessionStore(sqliteData(db), { idleMinutes: 30, maxHours: 2 });
  userId = 'user-beheer';
  db.prepare(
    "INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'beheer', 'Beheer', 'admin', ?)",
  ).run(userId, new Date().toISOString());
});
afterEach(() => db.close());

const t0 = Date.parse('2026-03-02T09:00:00.000Z');
const minutes = (m: number) => new Date(t0 + m * 60_000);
const rows = () => db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number };

describe('sessions', () => {
  it('the cookie holds a random token; the database only its hash', async () => {
    const { token, csrfToken } = await sessions.create(userId, minutes(0));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfToken).not.toBe(token);
    const stored = JSON.stringify(db.prepare('SELECT * FROM sessions').all());
    expect(stored).not.toContain(token);
    expect(await sessions.get(token, minutes(1))).toMatchObject({
      csrfToken,
      user: { id: userId, role: 'admin' },
    });
  });

  const timeline = [
    { why: 'used within the idle time: still signed in', uses: [20, 45, 70], check: 95, live: true },
    { why: 'idle for longer than 30 minutes: signed out', uses: [20], check: 51, live: false },
    {
      why: 'in use all along, but past the maximum of 2 hours: signed out',
      uses: [20, 45, 70, 95, 115],
      check: 121,
      live: false,
    },
  ];
  for (const { why, uses, check, live } of timeline) {
    it(why, async () => {
      const { token } = await sessions.create(userId, minutes(0));
      for (const m of uses) expect(await sessions.get(token, minutes(m))).not.toBeNull();
      const session = await sessions.get(token, minutes(check));
      expect(session !== null).toBe(live);
      expect(rows().n).toBe(live ? 1 : 0); // an ended session is removed
    });
  }

  it('isLive (what open sync connections are checked against) follows the same rules', async () => {
    const { token } = await sessions.create(userId, minutes(0));
    const { idHash } = (await sessions.get(token, minutes(0)))!;
    expect(await sessions.isLive(idHash, minutes(29))).toBe(true);
    expect(await sessions.isLive(idHash, minutes(31))).toBe(false);
  });

  it('signing out ends that session only; ending all of a user’s ends every one', async () => {
    const a = await sessions.create(userId);
    const b = await sessions.create(userId);
    await sessions.end((await sessions.get(a.token))!.idHash);
    expect(await sessions.get(a.token)).toBeNull();
    expect(await sessions.get(b.token)).not.toBeNull();
    expect(await sessions.endAllOf(userId)).toBe(1);
    expect(await sessions.get(b.token)).toBeNull();
  });

  it('a disabled account has no session, and unknown tokens are nobody', async () => {
    const { token } = await sessions.create(userId);
    db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(new Date().toISOString(), userId);
    expect(await sessions.get(token)).toBeNull();
    expect(await sessions.get(undefined)).toBeNull();
    expect(await sessions.get('not-a-token')).toBeNull();
  });
});

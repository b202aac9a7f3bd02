import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addProfessional, withPassword } from '../../utils/accounts.js';
import { signInFrom } from '../../utils/signIn.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Sign-in throttling, attacked over HTTP (SPEC AS1–AS3): bursts of parallel guesses, a burst
 * against one person from many addresses, and a practice whose people share one address.
 * Every test has its own people and addresses (127.0.0.x), so counts never add up between tests.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const password = 'fietsen-langs-de-rivier';
let addressCounter = 10;
/** A loopback address no other test used. */
const freshAddress = () => `127.0.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 2}`;
async function person(name = 'Samira Bakker') {
  const { userId } = addProfessional(server, { name });
  return { userId, username: await withPassword(server, userId, password) };
}
const statuses = (answers: { status: number }[]) =>
  answers.reduce<Record<number, number>>(
    (count, a) => ({ ...count, [a.status]: (count[a.status] ?? 0) + 1 }),
    {},
  );

describe('a burst of parallel guesses is throttled exactly like a sequence', () => {
  it('[AS1] of 50 parallel wrong passwords only the first 10 are checked; the other 40 get 429', async () => {
    const { username } = await person();
    const address = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signInFrom(server, username, `guess-${i}`, { address })),
    );
    // Before: the counter was read, then scrypt ran, then it was counted, so all 50 were checked (401).
    expect(statuses(answers)).toEqual({ 401: 10, 429: 40 });
  });

  it('[AS1] 30 wrong passwords and the right one sent together: only 10 are checked, and then the right one waits too', async () => {
    const { username } = await person();
    const address = freshAddress();
    const burst = [
      ...Array.from({ length: 30 }, (_, i) => signInFrom(server, username, `guess-${i}`, { address })),
      signInFrom(server, username, password, { address }),
    ];
    const answers = await Promise.all(burst);
    // Before: all 31 were checked, and the right one signed in.
    expect(answers.filter((a) => a.status !== 429)).toHaveLength(10);
    const after = await signInFrom(server, username, password, { address });
    expect(after.status).toBe(429);
  });

  it('[AS2] the 429 says how long to wait: Retry-After in seconds, the same as a field, and after it the right password works', async () => {
    const { username } = await person();
    const address = freshAddress();
    vi.useFakeTimers({ toFake: ['Date'] }); // only the clock: sockets and timers stay real
    for (let i = 0; i < 10; i++)
      expect((await signInFrom(server, username, `guess-${i}`, { address })).status).toBe(401);
    const refused = await signInFrom(server, username, password, { address });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBe(15 * 60);
    expect(refused.body).toMatchObject({ code: 'too-many-attempts', retryAfterSeconds: retryAfter });
    expect(refused.body!.error).toMatch(/try again in 900 s/);

    vi.setSystemTime(Date.now() + (retryAfter - 1) * 1000);
    expect((await signInFrom(server, username, password, { address })).status).toBe(429);
    vi.setSystemTime(Date.now() + 1000);
    expect((await signInFrom(server, username, password, { address })).status).toBe(200);
  });

  it('[AS1] a success starts the count again: nine typos, the right password, nine typos never wait', async () => {
    const { username } = await person();
    const address = freshAddress();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++)
        expect((await signInFrom(server, username, 'typo', { address })).status).toBe(401);
      expect((await signInFrom(server, username, password, { address })).status).toBe(200);
    }
  });
});

describe("an attacker's burst slows the attacker, not the real user", () => {
  /** Signs samira in from her own browser at her own address: the browser keeps the device cookie. */
  async function samiraSignsIn() {
    const samira = await person('Samira Bakker');
    const home = freshAddress();
    const first = await signInFrom(server, samira.username, password, { address: home });
    expect(first.status).toBe(200);
    const device = first.cookies.vz_device!;
    expect(device).toMatch(/^[A-Za-z0-9_-]{43}$/);
    return { ...samira, home, device };
  }
  /** 100 wrong passwords for `username` from ten addresses (more than the account's ceiling of 50). */
  async function distributedBurst(username: string) {
    const addresses = Array.from({ length: 10 }, freshAddress);
    const answers = await Promise.all(
      addresses.flatMap((address) =>
        Array.from({ length: 10 }, (_, i) => signInFrom(server, username, `guess-${i}`, { address })),
      ),
    );
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(50);
    return addresses;
  }

  it('[AS3] the device cookie is opaque, httpOnly, SameSite=Strict and only sent to the sign-in', async () => {
    const { username } = await person();
    const answer = await signInFrom(server, username, password, { address: freshAddress() });
    const line = ([] as string[])
      .concat(answer.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('vz_device='))!;
    expect(line).toMatch(
      /^vz_device=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/api\/session; HttpOnly; SameSite=Strict/,
    );
  });

  it('[AS3] after a burst from many addresses, samira still signs in from her own browser, even at the attacker’s address', async () => {
    const samira = await samiraSignsIn();
    const [attacker] = await distributedBurst(samira.username);
    // Before: her right password from any address got 429 for minutes, renewable forever.
    for (const address of [samira.home, attacker!]) {
      const answer = await signInFrom(server, samira.username, password, {
        address,
        cookies: { vz_device: samira.device },
      });
      expect(answer.status, address).toBe(200);
    }
  }, 60_000);

  it('[AS3] from an address she signed in from recently she gets in without her browser cookie', async () => {
    const samira = await samiraSignsIn();
    await distributedBurst(samira.username);
    expect((await signInFrom(server, samira.username, password, { address: samira.home })).status).toBe(200);
  }, 60_000);

  it('[AS2] a new address and a new browser wait at most an hour while the account is under attack', async () => {
    const samira = await samiraSignsIn();
    await distributedBurst(samira.username);
    const elsewhere = await signInFrom(server, samira.username, password, { address: freshAddress() });
    expect(elsewhere.status).toBe(429);
    expect(Number(elsewhere.headers['retry-after'])).toBeLessThanOrEqual(3600);
  }, 60_000);

  it('[AS3] a stolen or made-up device cookie counts for nothing', async () => {
    const samira = await samiraSignsIn();
    const stranger = await person('Iemand Anders');
    // Samira's cookie says nothing about another account, and a made-up one nothing at all.
    for (const vz_device of [samira.device, 'x'.repeat(43)]) {
      const address = freshAddress();
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          signInFrom(server, stranger.username, 'guess', { address, cookies: { vz_device } }),
        ),
      );
      expect(statuses(answers)).toEqual({ 401: 10, 429: 10 });
    }
  });

  it('[AS2] 20 failures over 20 accounts from one address (a practice behind one NAT) lock nobody there out', async () => {
    const practice = freshAddress();
    const colleagues = await Promise.all(Array.from({ length: 20 }, () => person('Collega')));
    for (const { username } of colleagues)
      expect((await signInFrom(server, username, 'typo', { address: practice })).status).toBe(401);
    // Before: after 20 failures from one address everyone there waited.
    const next = await person('Nog een collega');
    expect((await signInFrom(server, next.username, password, { address: practice })).status).toBe(200);
    for (const { username } of colleagues.slice(0, 3))
      expect((await signInFrom(server, username, password, { address: practice })).status).toBe(200);
  });

  it('[AS2] one address guessing many accounts is stopped after 100 failures a day', async () => {
    const address = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: 110 }, (_, i) => signInFrom(server, `nobody-${i}`, 'guess', { address })),
    );
    expect(statuses(answers)).toEqual({ 401: 100, 429: 10 });
  }, 60_000);
});

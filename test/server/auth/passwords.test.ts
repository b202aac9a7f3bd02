import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../../server/auth/passwords.js';

describe('password hashes', () => {
  it('are memory-hard scrypt hashes with their parameters and a random salt', async () => {
    const [a, b] = await Promise.all([
      hashPassword('een lang wachtwoord'),
      hashPassword('een lang wachtwoord'),
    ]);
    const [scheme, N, r, p, salt, key] = a.split('$');
    expect({ scheme, N: Number(N), r: Number(r), p: Number(p) }).toEqual({
      scheme: 'scrypt',
      N: 32_768,
      r: 8,
      p: 1,
    });
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(a).not.toBe(b); // the salt differs, so equal passwords do not show
    expect(a).not.toContain('wachtwoord');
  });

  it('accept the password and nothing else', async () => {
    const stored = await hashPassword('een lang wachtwoord');
    const attempts = [
      { password: 'een lang wachtwoord', ok: true },
      { password: 'een lang wachtwoord ', ok: false },
      { password: 'Een lang wachtwoord', ok: false },
      { password: '', ok: false },
    ];
    for (const { password, ok } of attempts)
      expect(await verifyPassword(password, stored), password).toBe(ok);
  });

  it('treat the same characters typed differently as the same password (NFKC)', async () => {
    const stored = await hashPassword('ﬁets-café-2026'); // ligature and a composed é
    expect(await verifyPassword('fiets-cafe\u0301-2026', stored)).toBe(true);
  });

  it('refuse every password for an account without one or with a damaged hash', async () => {
    for (const stored of [null, '', 'plain-text', 'bcrypt$x$y$z$a$b']) {
      expect(await verifyPassword('anything at all', stored)).toBe(false);
    }
  });
});

describe('password rules', () => {
  const rows = [
    { password: 'kort', problem: 'must be at least 10 characters' },
    { password: '123456789', problem: 'must be at least 10 characters' },
    { password: '1234567890', problem: null },
    { password: 'x'.repeat(200), problem: null },
    { password: 'x'.repeat(201), problem: 'must be at most 200 characters' },
  ];
  for (const { password, problem } of rows) {
    it(`a password of ${password.length} characters: ${problem ?? 'fine'}`, () => {
      expect(passwordProblem(password)).toBe(problem);
    });
  }
});

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

describe('password rules (SPEC AS6)', () => {
  const rows = [
    { password: 'kort', code: 'password-too-short' },
    { password: 'elf tekens!', code: 'password-too-short' },
    { password: 'aaaaaaaaaaaa', code: 'password-too-weak' },
    { password: '123456789012', code: 'password-too-weak' },
    { password: 'wachtwoord12', code: 'password-too-weak' },
    { password: 'veelzijdig-demo', code: null },
    { password: 'de kat slaapt op de vensterbank', code: null },
    { password: `${'fiets-'.repeat(33)}xy`, code: null },
    { password: 'x'.repeat(201), code: 'password-too-long' },
  ];
  for (const { password, code } of rows) {
    it(`"${password.slice(0, 30)}" (${password.length} characters): ${code ?? 'fine'}`, async () => {
      expect((await passwordProblem(password))?.code ?? null).toBe(code);
    });
  }

  it('names why in English, and the person’s own name counts against a password', async () => {
    expect((await passwordProblem('kort'))?.message).toBe('must be at least 12 characters');
    expect((await passwordProblem('x'.repeat(201)))?.message).toBe('must be at most 200 characters');
    expect(await passwordProblem('wendelijnoosterbroek')).toBeNull();
    expect(await passwordProblem('wendelijnoosterbroek', ['Wendelijn Oosterbroek'])).toMatchObject({
      code: 'password-too-weak',
      warning: 'userInputs',
      message: 'is too easy to guess (userInputs)',
    });
    // zxcvbn alone counts any three parts as 10^8 guesses; a name with a year is still a name.
    for (const password of ['samira-jansen-2026', 'Samira.Jansen!!', 'jansensamira12'])
      expect((await passwordProblem(password, ['Samira Jansen', 'samira']))?.warning, password).toBe(
        'userInputs',
      );
    expect((await passwordProblem('ahmetyilmaz1963', ['Ahmet Yılmaz']))?.code).toBe('password-too-weak');
    expect(await passwordProblem('samira fietst graag naar de markt', ['Samira Jansen'])).toBeNull();
  });
});

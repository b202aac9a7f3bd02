import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../client/src/api.js';
import { en } from '../../../client/src/i18n/en.js';
import { nl } from '../../../client/src/i18n/nl.js';
import { passwordError, refusalInWords, signInRefusal } from '../../../client/src/signIn/refusals.js';

/**
 * A refused sign-in, second step or password change reads as whole sentences in the page's
 * language; the server's English message never reaches the page (issue 14, item 12).
 */
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl' });
});
const refused = (status: number, error: string, extra: Record<string, unknown> = {}) =>
  new ApiRequestError(status, error, { ...extra, error });

describe('a refused sign-in, in the reader’s language', () => {
  const rows = [
    {
      why: 'a wrong username or password',
      error: refused(401, 'username or password is wrong', { code: 'wrong-credentials' }),
      nl: 'De gebruikersnaam of het wachtwoord klopt niet.',
      en: 'The username or password is not right.',
    },
    {
      why: 'a password longer than any (the form sends it, the schema refuses it)',
      error: refused(400, 'password: Too big: expected string to have <=64 characters'),
      nl: 'De gebruikersnaam of het wachtwoord klopt niet.',
      en: 'The username or password is not right.',
    },
    {
      why: 'a wrong code in the second step',
      error: refused(401, 'code: is not right', { code: 'wrong-code' }),
      nl: 'Deze code klopt niet. Kijk of je de nieuwste code uit de app typt.',
      en: 'This code is not right. Check that you type the newest code from the app.',
    },
    {
      why: 'a code too short to be one',
      error: refused(400, 'code: is required'),
      nl: 'Deze code klopt niet. Kijk of je de nieuwste code uit de app typt.',
      en: 'This code is not right. Check that you type the newest code from the app.',
    },
    {
      why: 'a second step that took too long',
      error: refused(410, 'challenge: sign in with your password again', { code: 'challenge-expired' }),
      nl: 'Dat duurde te lang. Log opnieuw in met je wachtwoord.',
      en: 'That took too long. Sign in with your password again.',
    },
    {
      why: 'too many attempts',
      error: refused(429, 'too many attempts: try again in 900 s', {
        code: 'too-many-attempts',
        retryAfterSeconds: 900,
      }),
      nl: 'Er is te vaak een verkeerd wachtwoord of een verkeerde code geprobeerd. Probeer het over 15 minuten opnieuw.',
      en: undefined,
    },
    {
      why: 'a server error',
      error: refused(500, 'internal error'),
      nl: 'Er ging iets mis bij de server. Probeer het over een paar minuten opnieuw.',
      en: 'Something went wrong on the server. Try again in a few minutes.',
    },
    {
      why: 'no answer at all (offline)',
      error: new TypeError('Failed to fetch'),
      nl: 'De server is niet bereikbaar. Kijk of je verbinding hebt en probeer het opnieuw.',
      en: 'The server cannot be reached. Check your connection and try again.',
    },
  ];
  for (const row of rows) {
    it(`${row.why}: "${row.nl}"`, () => {
      const inDutch = signInRefusal(i18n.getFixedT('nl'), row.error);
      expect(inDutch).toBe(row.nl);
      expect(inDutch).not.toContain(row.error.message);
      const inEnglish = signInRefusal(i18n.getFixedT('en'), row.error);
      if (row.en) expect(inEnglish).toBe(row.en);
      expect(inEnglish).not.toContain(row.error.message);
    });
  }
});

describe('other refusals on the sign-in pages', () => {
  it.each([
    [401, 'not signed in', 'Je bent niet meer ingelogd. Log opnieuw in.'],
    [403, 'not allowed for your role', 'Dat mag niet met jouw account.'],
    [
      409,
      'two-factor sign-in is not set up',
      'Dat lukte niet. Kijk of alles goed is ingevuld en probeer het opnieuw.',
    ],
  ])('a %i ("%s") reads "%s"', (status, message, words) => {
    expect(refusalInWords(i18n.getFixedT('nl'), refused(status, message))).toBe(words);
  });

  it('a new password the server refuses for a reason the page has no words for is not shown in English', () => {
    const error = refused(503, 'the change could not be stored; nothing was changed, try again');
    expect(passwordError(i18n.getFixedT('nl'), error)).toBe(
      'Er ging iets mis bij de server. Probeer het over een paar minuten opnieuw.',
    );
  });
});

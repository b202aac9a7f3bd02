import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as nlBe from '@zxcvbn-ts/language-nl-be';
import { passwordLength, personalWords, verdictOf } from './passwordPolicy.js';
import type { PasswordVerdict } from './passwordPolicy.js';

/**
 * The password rule with zxcvbn and its common, English and Dutch dictionaries. The server
 * imports it; the browser loads it only on the password pages (a few MB of word lists).
 */
let factory: ZxcvbnFactory | null = null;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...nlBe.dictionary },
    // Feedback as zxcvbn's keys: the pages translate them (passwordWarnings).
    maxLength: passwordLength.max,
  }));

/**
 * Whether the password is little more than the person's own names with digits and punctuation
 * ("ahmetyilmaz1963"): zxcvbn counts three parts as 10^8 guesses however guessable each is.
 */
function leansOnOwnName(password: string, words: string[]): boolean {
  if (words.length === 0) return false;
  let rest = password.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
  return rest.replace(/[^\p{L}]/gu, '').length < 4 && rest.length < password.length;
}

/** Judges a new password; `names` are the person's own name and username. */
export function judgePassword(password: string, names: (string | null | undefined)[] = []): PasswordVerdict {
  if ([...password].length > passwordLength.max) return verdictOf(password, 4, null);
  const words = personalWords(...names);
  if (leansOnOwnName(password, words)) return verdictOf(password, 1, 'userInputs');
  const result = zxcvbn().check(password, words);
  return verdictOf(password, result.score, result.feedback.warning);
}

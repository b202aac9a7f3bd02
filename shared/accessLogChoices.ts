import type { Role } from './permissions.js';

/**
 * What the admin's access-log search offers to pick from, by part of a name: a client (their case)
 * or a person (an account of any role). The server answers `/api/admin/access-log/{cases,people}`.
 */

/** At most this many choices an answer; `more` says the search should be narrowed. */
export const choiceLimit = 20;

export interface CaseChoice {
  id: string;
  clientName: string;
  birthYear: number | null;
  status: 'open' | 'closed';
}

export interface PersonChoice {
  id: string;
  name: string;
  username: string;
  role: Role;
}

export interface ChoicesAnswer<T> {
  choices: T[];
  more: boolean;
}

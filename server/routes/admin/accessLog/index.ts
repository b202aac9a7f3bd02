import type { Router } from 'express';
import type { AccessEntry } from '../../../../shared/accessLog.js';
import type { CaseChoice, ChoicesAnswer, PersonChoice } from '../../../../shared/accessLogChoices.js';
import { findCases, findPeople } from '../../../audit/accessLogSearch.js';
import { checked } from '../../../http/checked.js';
import type { AccountDirectory } from '../../../services/accountDirectory.js';
import type { Services } from '../../../services/index.js';
import { adminOf } from '../adminOf.js';
import { accessLogQuerySchema, choicesQuerySchema } from './schema.js';

/**
 * The access log's search (NEN 7513) and what its filter picks from: a client or a person found
 * by part of their name. Behind `adminOnly`, as every /api/admin route; each answer that names
 * clients is a list read of them (LG3), and the typed search itself is never logged.
 */
export function accessLogRoutes(s: Services, router: Router, directory: AccountDirectory): void {
  router.get(
    '/access-log',
    checked({ query: accessLogQuerySchema }, async ({ query }, req, res) => {
      const { log } = adminOf(s, req, res);
      const entries: AccessEntry[] = await s.audit.search(query);
      await log('search', { resource: 'access-log', results: entries.length }, query.caseId ?? null);
      // Who each line's person is, so the page never loads every account to name them.
      const names = await directory.names(entries.flatMap((e) => (e.userId ? [e.userId] : [])));
      res.json({ entries, names });
    }),
  );

  const recordChoices = (req: Parameters<typeof adminOf>[1], res: Parameters<typeof adminOf>[2]) => {
    const { user, point } = adminOf(s, req, res);
    return (resource: string, results: number, cases: string[]) =>
      s.audit.record({
        event: 'search',
        userId: user.id,
        role: 'admin',
        authorization: 'admin',
        ...point,
        cases,
        details: { resource, results },
      });
  };

  router.get(
    '/access-log/cases',
    checked({ query: choicesQuerySchema }, async ({ query }, req, res) => {
      const record = recordChoices(req, res);
      const answer = await findCases(s.data, query.q);
      await record(
        'access-log-cases',
        answer.choices.length,
        answer.choices.map((c) => c.id),
      );
      res.json(answer satisfies ChoicesAnswer<CaseChoice>);
    }),
  );

  router.get(
    '/access-log/people',
    checked({ query: choicesQuerySchema }, async ({ query }, req, res) => {
      const record = recordChoices(req, res);
      const { cases, ...answer } = await findPeople(s.data.db, query.q);
      await record('access-log-people', answer.choices.length, cases);
      res.json(answer satisfies ChoicesAnswer<PersonChoice>);
    }),
  );
}

import { randomUUID } from 'node:crypto';
import { localToday } from '../../shared/attention.js';
import type { Answers, HealthRound, MyRound, OpenRound } from '../../shared/collaborationHealth.js';
import { HttpError } from '../http/validate.js';
import type { Data } from '../storage/data.js';
import { healthDb } from './tables.js';
import type { HealthTables } from './tables.js';

type RoundRow = HealthTables['health_rounds'];

/** A round is closed once the administrator closed it or its closing day has passed (CH2). */
export const isClosed = (row: Pick<RoundRow, 'status' | 'closes_on'>, today: string): boolean =>
  row.status === 'closed' || row.closes_on < today;

export const toRound = (row: RoundRow, today: string): HealthRound => ({
  id: row.id,
  title: row.title,
  districtId: row.district_id,
  neighbourhoodId: row.neighbourhood_id,
  openedAt: row.opened_at,
  closesOn: row.closes_on,
  status: isClosed(row, today) ? 'closed' : 'open',
});

/**
 * Scan rounds and the answers to them (SPEC CH1–CH3). A professional takes part in a round when
 * their (active) team works in its neighbourhood, or in its district for a district round; only
 * they read their own answers back, and only while the round is open may they change them.
 */
export function roundStore(data: Data, clock: () => Date = () => new Date()) {
  const db = healthDb(data.db);
  const today = () => localToday(clock());

  /** The neighbourhood and district of a professional's active team, if any. */
  async function placeOf(professionalId: string) {
    return db
      .selectFrom('professionals as p')
      .innerJoin('teams as t', 't.id', 'p.team_id')
      .innerJoin('neighbourhoods as n', 'n.id', 't.neighbourhood_id')
      .select(['p.domain', 'n.id as neighbourhoodId', 'n.district_id as districtId'])
      .where('p.id', '=', professionalId)
      .where('t.archived_at', 'is', null)
      .executeTakeFirst();
  }

  const takesPart = (round: RoundRow, place: { neighbourhoodId: string; districtId: string } | undefined) =>
    !!place &&
    place.districtId === round.district_id &&
    (round.neighbourhood_id === null || round.neighbourhood_id === place.neighbourhoodId);

  /** The round a professional takes part in; anyone else's round answers 404, like an unknown one. */
  async function roundFor(roundId: string, professionalId: string) {
    const round = await db
      .selectFrom('health_rounds')
      .selectAll()
      .where('id', '=', roundId)
      .executeTakeFirst();
    const place = await placeOf(professionalId);
    if (!round || !takesPart(round, place)) throw new HttpError(404, 'no such round');
    return { round, side: place!.domain };
  }

  async function mine(roundId: string, professionalId: string): Promise<Answers | null> {
    const scores = await db
      .selectFrom('health_answers')
      .select(['statement_id', 'score'])
      .where('round_id', '=', roundId)
      .where('professional_id', '=', professionalId)
      .execute();
    if (scores.length === 0) return null;
    const comments = await db
      .selectFrom('health_comments')
      .select(['condition_id', 'text'])
      .where('round_id', '=', roundId)
      .where('professional_id', '=', professionalId)
      .execute();
    return {
      scores: Object.fromEntries(scores.map((s) => [s.statement_id, s.score])),
      comments: Object.fromEntries(comments.map((c) => [c.condition_id, c.text])) as Answers['comments'],
    };
  }

  return {
    async open(body: OpenRound, by: string): Promise<string> {
      const place = body.neighbourhoodId
        ? await db
            .selectFrom('neighbourhoods')
            .select('id')
            .where('id', '=', body.neighbourhoodId)
            .where('district_id', '=', body.districtId)
            .executeTakeFirst()
        : await db.selectFrom('districts').select('id').where('id', '=', body.districtId).executeTakeFirst();
      if (!place)
        throw new HttpError(
          400,
          body.neighbourhoodId
            ? 'neighbourhoodId: not a neighbourhood of this district'
            : 'districtId: no such district',
        );
      if (body.closesOn < today()) throw new HttpError(400, 'closesOn: must not lie in the past');
      const id = randomUUID();
      await db
        .insertInto('health_rounds')
        .values({
          id,
          district_id: body.districtId,
          neighbourhood_id: body.neighbourhoodId,
          title: body.title,
          opened_at: clock().toISOString(),
          opened_by: by,
          closes_on: body.closesOn,
          status: 'open',
          closed_at: null,
        })
        .execute();
      return id;
    },

    async close(roundId: string): Promise<void> {
      const done = await db
        .updateTable('health_rounds')
        .set({ status: 'closed', closed_at: clock().toISOString() })
        .where('id', '=', roundId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) {
        const exists = await db
          .selectFrom('health_rounds')
          .select('id')
          .where('id', '=', roundId)
          .executeTakeFirst();
        throw exists
          ? new HttpError(409, 'the round is closed already')
          : new HttpError(404, 'no such round');
      }
    },

    /** Every round of a district (or all), newest first: the administrator's list. */
    async all(districtId?: string): Promise<HealthRound[]> {
      let q = db.selectFrom('health_rounds').selectAll().orderBy('opened_at', 'desc');
      if (districtId) q = q.where('district_id', '=', districtId);
      return (await q.execute()).map((r) => toRound(r, today()));
    },

    /** The rounds a professional takes part in, newest first, with what they answered. */
    async forProfessional(professionalId: string): Promise<MyRound[]> {
      const place = await placeOf(professionalId);
      if (!place) return [];
      const rows = await db
        .selectFrom('health_rounds')
        .selectAll()
        .where('district_id', '=', place.districtId)
        .orderBy('opened_at', 'desc')
        .execute();
      const own = rows.filter((r) => takesPart(r, place));
      return Promise.all(
        own.map(async (r) => ({ ...toRound(r, today()), mine: await mine(r.id, professionalId) })),
      );
    },

    async mine(roundId: string, professionalId: string): Promise<MyRound> {
      const { round } = await roundFor(roundId, professionalId);
      return { ...toRound(round, today()), mine: await mine(roundId, professionalId) };
    },

    /** Saves (or replaces) a professional's answers while the round is open (CH2, CH3). */
    async answer(roundId: string, professionalId: string, answers: Answers): Promise<void> {
      const { side } = await roundFor(roundId, professionalId);
      await data.write(async (trx) => {
        const tx = healthDb(trx);
        const round = await tx
          .selectFrom('health_rounds')
          .selectAll()
          .where('id', '=', roundId)
          .executeTakeFirstOrThrow();
        if (isClosed(round, today()))
          throw new HttpError(409, 'the round is closed: answers can no longer change', {
            code: 'round-closed',
          });
        const key = { round_id: roundId, professional_id: professionalId };
        // Replaces what they answered before, in full.
        for (const table of ['health_answers', 'health_comments', 'health_responses'] as const)
          await tx
            .deleteFrom(table)
            .where('round_id', '=', roundId)
            .where('professional_id', '=', professionalId)
            .execute();
        await tx
          .insertInto('health_responses')
          .values({ ...key, side, updated_at: clock().toISOString() })
          .execute();
        await tx
          .insertInto('health_answers')
          .values(
            Object.entries(answers.scores).map(([statement_id, score]) => ({ ...key, statement_id, score })),
          )
          .execute();
        const comments = Object.entries(answers.comments).filter(([, text]) => text.trim() !== '');
        if (comments.length)
          await tx
            .insertInto('health_comments')
            .values(comments.map(([condition_id, text]) => ({ ...key, condition_id, text: text.trim() })))
            .execute();
      });
    },
  };
}
export type RoundStore = ReturnType<typeof roundStore>;

import * as Y from 'yjs';
import { moveGoal, readBoard, updateGoal } from '../../shared/doc/board.js';
import { addAgendaItem, readAgenda } from '../../shared/doc/meeting.js';
import type { MeetingCase } from '../../shared/doc/meetingCase.js';
import {
  addAction,
  addDecision,
  ensureMeetingNotes,
  meetingNotes,
  readMeetingCase,
  tagPerspective,
} from '../../shared/doc/meetingCase.js';
import type { PerspectiveId } from '../../shared/domain.js';
import { meetingCaseDocumentName, meetingDocumentName } from '../../shared/protocol.js';
import type { Data, Executor } from '../storage/data.js';
import type { DocumentStore } from '../db/documentStore.js';
import { actionStore } from '../meetings/actions.js';
import { writeMinutes } from '../meetings/minutes.js';
import { meetingStore } from '../meetings/store.js';
import { caseAlias } from '../meetings/store.js';
import { boardVersions } from '../versions/store.js';

interface DemoItem {
  /** The dataset's key of the case (DemoCase.key). */
  caseKey: string;
  question: string;
  usedMinutes?: number;
  notes?: string;
  decisions?: string[];
  actions?: { text: string; ownerId: string; dueInDays: number; done?: boolean }[];
  perspectives?: PerspectiveId[];
}

const day = (today: Date, days: number) => new Date(today.getTime() + days * 86_400_000);
const isoDay = (today: Date, days: number) => day(today, days).toISOString().slice(0, 10);
const atOneOClock = (date: Date) => `${date.toISOString().slice(0, 10)}T12:00:00.000Z`;

const attendeeIds = ['prof-youssef-el-amrani', 'prof-nadia-haddou', 'prof-anita-ramdin', 'prof-elif-demir'];

const lastMeeting: DemoItem[] = [
  {
    caseKey: 'ahmet-yilmaz',
    question:
      'Hoe gaat het na het ontslag uit de revalidatie? Kan de schuld bij de woningcorporatie geregeld worden?',
    usedMinutes: 14,
    notes: 'Ahmet loopt weer zelf naar de bakker. Slaapt slecht sinds de brief van de woningcorporatie.',
    decisions: [
      'Schuld bij de woningcorporatie gaat naar een aflossingsregeling.',
      'Huisarts bekijkt de medicatie.',
    ],
    actions: [
      {
        text: 'Medicatie-evaluatie na de beroerte plannen',
        ownerId: 'prof-youssef-el-amrani',
        dueInDays: -7,
      },
      {
        text: 'Aflossingsregeling met de woningcorporatie afspreken',
        ownerId: 'prof-nadia-haddou',
        dueInDays: -10,
        done: true,
      },
    ],
    perspectives: ['patient', 'unemployed'],
  },
  {
    caseKey: 'fatima-ouali',
    question: 'Is er genoeg steun thuis nu de dagbesteding stopt?',
    usedMinutes: 11,
    notes: 'Dochter helpt twee dagen per week. Fatima wil graag weer naar de naaigroep.',
    decisions: ['Wijkverpleging komt tijdelijk drie keer per week.'],
    actions: [{ text: 'Naaigroep in het buurthuis benaderen', ownerId: 'prof-anita-ramdin', dueInDays: 5 }],
    perspectives: ['patient', 'low-literacy'],
  },
];

const nextMeeting: DemoItem[] = [
  { caseKey: 'ahmet-yilmaz', question: 'Lukt werkhervatting bij de bakkerij? Wat is daarvoor nodig?' },
  { caseKey: 'fatima-ouali', question: 'Hoe gaat het met de naaigroep en de thuiszorg?' },
  { caseKey: 'daan-verhoeven', question: 'Terugvalpreventie: wie doet wat als het misgaat?' },
];

/**
 * The board as it was at the last meeting, for "what changed since": one achieved goal was still
 * active, one goal sat a phase earlier, and the observations since then were not there yet.
 */
function earlierBoard(board: Y.Doc, at: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(board));
  const goals = readBoard(doc).goals;
  const achieved = goals.find((g) => g.status === 'achieved');
  if (achieved) updateGoal(doc, achieved.id, { status: 'active' });
  const later = goals.find((g) => g.phase === 'rebuilding' && g.id !== achieved?.id);
  if (later) moveGoal(doc, later.id, { domain: later.domain, phase: 'transition', index: 0 });
  const observations = doc.getMap<Y.Map<unknown>>('observations');
  for (const [id, o] of [...observations.entries()]) if (String(o.get('at')) > at) observations.delete(id);
  return doc;
}

/**
 * Two meetings in Molenwijk: one closed three weeks ago (minutes, actions of which one is overdue,
 * a kept version of each board) and the next one, planned for next week.
 */
export async function seedMeetings(
  data: Data,
  /** The seed's write: every row goes through it. */
  trx: Executor,
  store: DocumentStore,
  /** The random id each demo case got, by its dataset key. */
  caseIds: ReadonlyMap<string, string>,
  /** The boards as seeded, by case id. */
  boards: ReadonlyMap<string, Y.Doc>,
  today: Date,
): Promise<void> {
  const meetings = meetingStore(data);
  const actions = actionStore(data);
  const versions = boardVersions(data);
  const chair = (
    await trx.selectFrom('users').select('id').where('username', '=', 'sevda').executeTakeFirstOrThrow()
  ).id;
  const plan = async (title: string, startsAt: string, items: DemoItem[]) => {
    const id = await meetings.create(
      {
        neighbourhoodId: 'buurt-molenwijk',
        title,
        startsAt,
        chairId: 'prof-sevda-kaya',
        attendeeIds,
        guests: [],
        createdBy: chair,
      },
      trx,
    );
    const agenda = new Y.Doc();
    const contents = new Map<string, MeetingCase>();
    for (const item of items) {
      const caseId = caseIds.get(item.caseKey)!;
      const line = (await meetings.caseLine(caseId, trx))!;
      await meetings.addCase(id, caseId, chair, trx);
      addAgendaItem(agenda, {
        caseId: caseId,
        alias: caseAlias(line.clientName, line.birthYear),
        question: item.question,
        slotMinutes: 15,
        addedAt: startsAt,
      });
      agenda
        .getMap<Y.Map<unknown>>('agenda')
        .get(caseId)!
        .set('usedMs', (item.usedMinutes ?? 0) * 60_000);
      const discussed = new Y.Doc();
      ensureMeetingNotes(discussed);
      if (item.notes) meetingNotes(discussed)!.insert(0, item.notes);
      for (const d of item.decisions ?? []) addDecision(discussed, d, new Date(startsAt));
      for (const a of item.actions ?? []) {
        const actionId = addAction(discussed, {
          text: a.text,
          ownerId: a.ownerId,
          dueDate: isoDay(today, a.dueInDays),
        });
        if (a.done) discussed.getMap<Y.Map<unknown>>('actions').get(actionId)!.set('done', true);
      }
      for (const p of item.perspectives ?? []) tagPerspective(discussed, p, true);
      store.replace(meetingCaseDocumentName(id, caseId), Y.encodeStateAsUpdate(discussed));
      await actions.project(id, caseId, discussed, trx);
      contents.set(caseId, readMeetingCase(discussed));
    }
    store.replace(meetingDocumentName(id), Y.encodeStateAsUpdate(agenda));
    const discussed = readAgenda(agenda).map((item) => ({ item, content: contents.get(item.id)! }));
    return { id, discussed };
  };

  const heldAt = atOneOClock(day(today, -21));
  const closedAt = new Date(Date.parse(heldAt) + 90 * 60_000).toISOString();
  const { id: held, discussed } = await plan('Casusoverleg Molenwijk', heldAt, lastMeeting);
  for (const item of lastMeeting) {
    const caseId = caseIds.get(item.caseKey)!;
    const board = boards.get(caseId);
    if (board)
      await versions.keep(
        caseId,
        held,
        `Casusoverleg Molenwijk (${heldAt.slice(0, 10)})`,
        earlierBoard(board, closedAt),
        closedAt,
        'meeting',
        trx,
      );
  }
  const names = await trx.selectFrom('professionals').select(['id', 'name']).execute();
  const nameOf = new Map(names.map((p) => [p.id, p.name]));
  const minutes = writeMinutes({
    meeting: (await meetings.summary(held, trx))!,
    closedAt: new Date(closedAt),
    attendees: await meetings.attendees(held, trx),
    discussed,
    nameOf: (pid) => nameOf.get(pid) ?? '?',
  });
  await meetings.close(held, minutes, trx);
  await plan('Casusoverleg Molenwijk', atOneOClock(day(today, 6)), nextMeeting);
}

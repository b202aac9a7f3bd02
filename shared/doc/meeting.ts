import * as Y from 'yjs';
import { orderKeyAtEnd, planOrder, sortByOrder } from '../ordering.js';

/**
 * Typed access to a meeting's agenda (`meeting:<id>`). The server adds and removes cases (it
 * checks the case may be discussed); attendees co-edit the question, slot and order, and the
 * chair's screen keeps the time per item.
 */
export interface AgendaItem {
  /** The case id; an agenda holds each case at most once. */
  id: string;
  alias: string;
  question: string;
  slotMinutes: number;
  order: string;
  /** Time spent on the item before `startedAt`. */
  usedMs: number;
  /** Epoch ms at which the chair made this the current item; null when it is not current. */
  startedAt: number | null;
}

type YRecord = Y.Map<unknown>;
const maxUsedMs = 24 * 3_600_000;
const agendaOf = (doc: Y.Doc) => doc.getMap<YRecord>('agenda');
const casesOf = (doc: Y.Doc) => doc.getMap<YRecord>('cases');

/** The agenda in its order; a case whose line is missing still shows with defaults. */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
  const agenda = agendaOf(doc);
  const items: AgendaItem[] = [];
  for (const [id, entry] of casesOf(doc)) {
    const line = agenda.get(id);
    const question = line?.get('question');
    const startedAt = line?.get('startedAt');
    items.push({
      id,
      alias: String(entry.get('alias') ?? ''),
      question: question instanceof Y.Text ? question.toString() : '',
      slotMinutes: Number(line?.get('slotMinutes') ?? 10),
      order: String(line?.get('order') ?? 'zz'),
      usedMs: Number(line?.get('usedMs') ?? 0),
      startedAt: typeof startedAt === 'number' ? startedAt : null,
    });
  }
  return sortByOrder(items);
}

/** Time spent on an item up to `now`, counting the running stretch. */
export function usedTime(item: AgendaItem, now: number): number {
  return item.usedMs + (item.startedAt === null ? 0 : Math.max(0, now - item.startedAt));
}

/** Server side: puts a case on the agenda, at the end, in one transaction. */
export function addAgendaItem(
  doc: Y.Doc,
  input: { caseId: string; alias: string; question: string; slotMinutes: number; addedAt: string },
): void {
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('alias', input.alias);
    entry.set('addedAt', input.addedAt);
    casesOf(doc).set(input.caseId, entry);
    const line = new Y.Map<unknown>();
    const question = new Y.Text();
    if (input.question) question.insert(0, input.question);
    line.set('question', question);
    line.set('slotMinutes', input.slotMinutes);
    line.set('order', orderKeyAtEnd(readAgenda(doc).filter((i) => i.id !== input.caseId)));
    line.set('usedMs', 0);
    line.set('startedAt', null);
    agendaOf(doc).set(input.caseId, line);
  });
}

export function removeAgendaItem(doc: Y.Doc, caseId: string): void {
  doc.transact(() => {
    casesOf(doc).delete(caseId);
    agendaOf(doc).delete(caseId);
  });
}

/** The co-edited question of an agenda line. */
export function agendaQuestion(doc: Y.Doc, caseId: string): Y.Text | null {
  const question = agendaOf(doc).get(caseId)?.get('question');
  return question instanceof Y.Text ? question : null;
}

/** Drag and drop: the new place of one line, a fractional key in one transaction. */
export function moveAgendaItem(doc: Y.Doc, caseId: string, index: number): void {
  doc.transact(() => {
    const plan = planOrder(readAgenda(doc), caseId, index);
    agendaOf(doc).get(caseId)?.set('order', plan.order);
    for (const [otherId, order] of plan.rekeyed) agendaOf(doc).get(otherId)?.set('order', order);
  });
}

export function setSlotMinutes(doc: Y.Doc, caseId: string, minutes: number): void {
  agendaOf(doc).get(caseId)?.set('slotMinutes', minutes);
}

/**
 * The chair moves to another item (or to none): the running item's time is added to what it had
 * used, and the new item's clock starts. One transaction, so the timers never double-count.
 */
export function startAgendaItem(doc: Y.Doc, caseId: string | null, now: number): void {
  doc.transact(() => {
    for (const item of readAgenda(doc)) {
      const line = agendaOf(doc).get(item.id);
      if (!line) continue;
      if (item.startedAt !== null && item.id !== caseId) {
        // A clock left running over a weekend stops at the shape's limit of a day.
        line.set('usedMs', Math.min(usedTime(item, now), maxUsedMs));
        line.set('startedAt', null);
      }
      if (item.id === caseId && item.startedAt === null) line.set('startedAt', now);
    }
  });
}

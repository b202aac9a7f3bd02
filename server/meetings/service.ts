import { addStep, readBoard, readPerspectives, updateStep } from '../../shared/doc/board.js';
import { questionsDiscussedIn, readClientQuestions } from '../../shared/doc/clientVoice.js';
import {
  addAgendaItem,
  readAgenda,
  removeAgendaItem,
  startAgendaItem,
  usedTime,
} from '../../shared/doc/meeting.js';
import { readMeetingCase, updateAction } from '../../shared/doc/meetingCase.js';
import type { Minutes } from '../../shared/meetingApi.js';
import type { MeetingFacts } from '../../shared/meetingPermissions.js';
import { caseDocumentName, meetingCaseDocumentName, meetingDocumentName } from '../../shared/protocol.js';
import type { Data } from '../storage/data.js';
import type { DocumentRegistry } from '../sync/documentRegistry.js';
import type { Actor } from '../sync/extension.js';
import type { MeetingProjection } from '../sync/extensions/meetingProjection.js';
import type { ActionStore } from './actions.js';
import { completeMinutes, writeMinutes } from './minutes.js';
import type { MeetingStore } from './store.js';
import { caseAlias } from './store.js';
import { boardState } from '../versions/store.js';
import type { BoardVersions } from '../versions/store.js';

export interface MeetingServiceDeps {
  data: Data;
  store: MeetingStore;
  actions: ActionStore;
  versions: BoardVersions;
  registry: DocumentRegistry;
  projection: MeetingProjection;
}

/**
 * What happens to a meeting beyond single rows: putting a case on the agenda (SQL and the agenda
 * document together), turning an action into a step of a goal, and closing the meeting (a named
 * version of every discussed board, the minutes, the documents read-only from then on).
 */
export function meetingService({ data, store, actions, versions, registry, projection }: MeetingServiceDeps) {
  /** The names of these professionals, to write them into the minutes. */
  const namesOf = async (ids: readonly string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await data.db
      .selectFrom('professionals')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((p) => [p.id, p.name]));
  };

  return {
    async addCase(
      meetingId: string,
      caseId: string,
      input: { question: string; slotMinutes: number },
      by: Actor,
    ) {
      const line = (await store.caseLine(caseId))!;
      await store.addCase(meetingId, caseId, by.userId);
      await registry.use(
        meetingDocumentName(meetingId),
        (doc) =>
          addAgendaItem(doc, {
            caseId,
            alias: caseAlias(line.clientName, line.birthYear),
            question: input.question,
            slotMinutes: input.slotMinutes,
            addedAt: new Date().toISOString(),
          }),
        by,
      );
    },

    async removeCase(meetingId: string, caseId: string, by: Actor | null = null): Promise<boolean> {
      if (!(await store.removeCase(meetingId, caseId))) return false;
      await registry.use(meetingDocumentName(meetingId), (doc) => removeAgendaItem(doc, caseId), by);
      return true;
    },

    /**
     * Turns an action into a step of a goal on the case board in one move: the step gets the
     * action's text, owner and due date; the action remembers the step.
     */
    async actionToStep(
      meetingId: string,
      caseId: string,
      actionId: string,
      goalId: string,
      by: Actor | null = null,
    ) {
      const action = await registry.use(meetingCaseDocumentName(meetingId, caseId), (doc) =>
        readMeetingCase(doc).actions.find((a) => a.id === actionId),
      );
      if (!action) return { error: 'actionId: no such action in this meeting' } as const;
      if (action.stepId) return { error: 'actionId: this action is already a step' } as const;
      const stepId = await registry.use(
        caseDocumentName(caseId),
        (doc) => {
          if (!readBoard(doc).goals.some((g) => g.id === goalId)) return null;
          return addStep(doc, goalId, {
            text: action.text,
            ownerId: action.ownerId,
            dueDate: action.dueDate,
            done: action.done,
          });
        },
        by,
      );
      if (!stepId) return { error: 'goalId: no such goal on this board' } as const;
      await registry.use(
        meetingCaseDocumentName(meetingId, caseId),
        (doc) => updateAction(doc, actionId, { goalId, stepId }),
        by,
      );
      return { stepId } as const;
    },

    /** Marks an action done (or open again); a step made from it follows. */
    async setActionDone(
      meetingId: string,
      caseId: string,
      actionId: string,
      done: boolean,
      by: Actor | null = null,
    ): Promise<boolean> {
      const name = meetingCaseDocumentName(meetingId, caseId);
      const action = await registry.use(
        name,
        (doc) => {
          const found = readMeetingCase(doc).actions.find((a) => a.id === actionId);
          if (found) updateAction(doc, actionId, { done });
          return found;
        },
        by,
      );
      if (!action) return false;
      await projection.flush(name);
      if (action.goalId && action.stepId) {
        await registry.use(
          caseDocumentName(caseId),
          (doc) => {
            const goal = readBoard(doc).goals.find((g) => g.id === action.goalId);
            if (goal?.steps.some((s) => s.id === action.stepId))
              updateStep(doc, goal.id, action.stepId!, { done });
          },
          by,
        );
      }
      return true;
    },

    /**
     * Closes the meeting: stops the clock, keeps a named version of every discussed board, writes
     * the minutes (in Dutch, from the documents as they are now) and marks the meeting closed.
     */
    async close(facts: MeetingFacts, by: Actor | null = null): Promise<Minutes | null> {
      const summary = (await store.summary(facts.meetingId))!;
      const now = new Date();
      const agenda = await registry.use(
        meetingDocumentName(facts.meetingId),
        (doc) => {
          startAgendaItem(doc, null, now.getTime());
          return readAgenda(doc);
        },
        by,
      );
      const at = now.toISOString();
      const discussed = [];
      for (const item of agenda) {
        if (!facts.agendaCaseIds.includes(item.id)) continue;
        const name = meetingCaseDocumentName(facts.meetingId, item.id);
        const content = await registry.use(name, (doc) => readMeetingCase(doc));
        await projection.flush(name);
        const { board, fromBoard } = await registry.use(caseDocumentName(item.id), (doc) => ({
          board: boardState(doc),
          fromBoard: {
            questions: questionsDiscussedIn(readClientQuestions(doc), facts.meetingId),
            perspectives: readPerspectives(doc),
          },
        }));
        discussed.push({ item, content, board: fromBoard });
        await versions.keep(item.id, facts.meetingId, `${summary.title} (${at.slice(0, 10)})`, board, at);
      }
      const names = await namesOf(discussed.flatMap((d) => d.content.actions.map((a) => a.ownerId)));
      const minutes = writeMinutes({
        meeting: summary,
        closedAt: now,
        attendees: await store.attendees(facts.meetingId),
        discussed,
        nameOf: (id) => names.get(id) ?? '?',
      });
      return (await store.close(facts.meetingId, minutes)) ? minutes : null;
    },

    minutes: async (meetingId: string) => {
      const stored = await store.minutes(meetingId);
      return stored ? completeMinutes(stored) : null;
    },

    /** Time used per case, from the agenda document. */
    async agendaTimes(meetingId: string): Promise<Map<string, number>> {
      const now = Date.now();
      const agenda = await registry.use(meetingDocumentName(meetingId), (doc) => readAgenda(doc));
      return new Map(agenda.map((i) => [i.id, usedTime(i, now)]));
    },

    actions,
  };
}
export type MeetingService = ReturnType<typeof meetingService>;

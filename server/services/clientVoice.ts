import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import {
  addClientQuestion,
  markQuestionDiscussed,
  setClientRating,
  withdrawClientQuestion,
} from '../../shared/doc/clientVoice.js';
import type { FaceScore } from '../../shared/doc/clientVoiceShape.js';
import type { LifeDomain } from '../../shared/domain.js';
import { caseDocumentName } from '../../shared/protocol.js';
import type { DocumentRegistry } from '../sync/documentRegistry.js';
import type { Actor } from '../sync/extension.js';
import type { Data } from '../storage/data.js';

/**
 * The client's voice in the team's board: questions for the next meeting and how it is going per
 * life domain. Written by the server into server-only roots (SPEC V9) through the registry, so every
 * open board shows it at once, marked as the client's, and it is stored like any edit, in the name
 * of `by` (the client, or the professional who marked a question discussed; SPEC H1).
 */
export function clientVoiceService(registry: DocumentRegistry, data: Data) {
  const write = <T>(caseId: string, by: Actor, fn: (doc: Y.Doc) => T) =>
    registry.use(caseDocumentName(caseId), fn, by);
  return {
    /** Adds the client's question; returns its id. */
    askQuestion(caseId: string, by: Actor, text: string, now = new Date()): Promise<string> {
      return write(caseId, by, (doc) =>
        doc.transact(() => addClientQuestion(doc, text, now.toISOString()), 'client'),
      );
    },
    /** The client takes back a question the team has not discussed yet. */
    withdrawQuestion(caseId: string, by: Actor, questionId: string) {
      return write(caseId, by, (doc) =>
        doc.transact(() => withdrawClientQuestion(doc, questionId), 'client'),
      );
    },
    /**
     * A professional marks a question discussed, with their name from the session; `meetingId`
     * when it was in that meeting (checked by the route: open, and the case on its agenda).
     */
    markDiscussed(
      caseId: string,
      by: Actor & { name: string },
      questionId: string,
      meetingId: string | null = null,
      now = new Date(),
    ): Promise<boolean> {
      return write(caseId, by, (doc) =>
        doc.transact(
          () => markQuestionDiscussed(doc, questionId, by.name, now.toISOString(), meetingId),
          'server',
        ),
      );
    },
    /**
     * How it is going in one life domain, in the client's face and words. The board keeps the
     * latest; the score (not the sentence) also gets a row of its own, so the aims can follow
     * ratings over time without loading boards (SPEC CH6).
     */
    async rate(
      caseId: string,
      by: Actor,
      domain: LifeDomain,
      score: FaceScore,
      sentence: string,
      now = new Date(),
    ): Promise<void> {
      await write(caseId, by, (doc) =>
        doc.transact(
          () => setClientRating(doc, domain, { score, sentence, at: now.toISOString() }),
          'client',
        ),
      );
      await data.db
        .insertInto('client_rating_log')
        .values({ id: randomUUID(), case_id: caseId, domain, score, rated_at: now.toISOString() })
        .execute();
    },
  };
}
export type ClientVoiceService = ReturnType<typeof clientVoiceService>;

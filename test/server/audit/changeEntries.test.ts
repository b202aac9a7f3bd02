import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { AccessEntryInput, AccessLog } from '../../../server/audit/accessLog.js';
import { ChangeEntries } from '../../../server/audit/changeEntries.js';
import type { ConnectionContext } from '../../../server/sync/extension.js';
import { parseDocumentName } from '../../../shared/protocol.js';

/** The `document-change` entries of editing sessions (SPEC H4), with a recording access log. */
const recorded: AccessEntryInput[] = [];
const audit = {
  record: async (entry: AccessEntryInput) => void recorded.push(entry),
} as unknown as AccessLog;

const connection = (documentName: string, userId = 'u-gp'): ConnectionContext => ({
  documentName,
  document: parseDocumentName(documentName)!,
  request: { headers: { 'user-agent': 'test' }, socket: { remoteAddress: '127.0.0.1' } } as IncomingMessage,
  readOnly: false,
  actor: { userId, role: 'professional' },
  data: { signed: { authorization: 'membership:write' } },
});
const edit = (entries: ChangeEntries, context: ConnectionContext | null, ...paths: string[]) =>
  entries.onChange({
    documentName: context?.documentName ?? 'case:c1:shared',
    doc: new Y.Doc(),
    update: new Uint8Array(),
    connection: context,
    actor: context?.actor ?? { userId: 'u-client', role: 'client' },
    touched: paths.map((p) => ({ path: p.split('/'), removed: false })),
  });

let entries: ChangeEntries;
beforeEach(() => {
  vi.useFakeTimers();
  recorded.length = 0;
  entries = new ChangeEntries(audit, { intervalMs: 30_000 });
});
afterEach(async () => {
  await entries.onDestroy();
  vi.useRealTimers();
});

describe('ChangeEntries', () => {
  it('[H4] a session that changed the board writes one entry when it closes: items and fields, no text', () => {
    const gp = connection('case:c1:shared');
    edit(entries, gp, 'goals/g1/title');
    edit(entries, gp, 'goals/g1/title', 'goals/g1/status');
    edit(entries, gp, 'goals/g1/steps/s1');
    edit(entries, gp, 'perspectives/custom-schulden-bij-oom/situation');
    expect(recorded).toEqual([]);
    entries.onDisconnect(gp);
    expect(recorded).toEqual([
      {
        event: 'document-change',
        caseId: 'c1',
        userId: 'u-gp',
        role: 'professional',
        authorization: 'membership:write',
        address: '127.0.0.1',
        userAgent: 'test',
        details: {
          part: 'shared',
          items: 'goal:g1 step:s1 perspective:custom',
          fields: 'goal.status goal.title perspective.situation',
          added: 1,
          removed: 0,
          changes: 5,
        },
      },
    ]);
  });

  it('[H4] a session that only looked writes no change entry', () => {
    const gp = connection('case:c1:shared');
    entries.onDisconnect(gp);
    expect(recorded).toEqual([]);
  });

  it('[H4] while editing goes on, an entry at most every interval, so a crash loses little', () => {
    const gp = connection('case:c1:shared');
    edit(entries, gp, 'goals/g1/title');
    vi.advanceTimersByTime(10_000);
    edit(entries, gp, 'goals/g1/title');
    expect(recorded).toHaveLength(0);
    vi.advanceTimersByTime(20_000);
    expect(recorded).toHaveLength(1);
    edit(entries, gp, 'goals/g2/title');
    vi.advanceTimersByTime(29_000);
    expect(recorded).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(recorded.map((e) => e.details?.items)).toEqual(['goal:g1', 'goal:g2']);
    entries.onDisconnect(gp); // nothing new since the last entry
    expect(recorded).toHaveLength(2);
  });

  it("[H4] the server's writes for a person through the API are logged there, not twice", () => {
    edit(entries, null, 'clientQuestions/q1');
    vi.advanceTimersByTime(60_000);
    expect(recorded).toEqual([]);
  });

  it('[H4] an agenda change is logged on the file of the case it is about', () => {
    const chair = connection('meeting:m1');
    edit(entries, chair, 'agenda/c1/question', 'agenda/c2/order', 'agenda/c2/usedMs');
    entries.onDisconnect(chair);
    expect(recorded.map((e) => [e.caseId, e.details])).toEqual([
      ['c1', expect.objectContaining({ part: 'meeting', meetingId: 'm1', items: 'agenda-item:c1' })],
      ['c2', expect.objectContaining({ items: 'agenda-item:c2', fields: 'agenda-item.place', changes: 1 })],
    ]);
  });
});

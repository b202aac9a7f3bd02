import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionsAnswer, ChangesAnswer, MeetingsAnswer, Minutes } from '../../../shared/meetingApi.js';
import { localToday } from '../../../shared/attention.js';
import { demoCaseId } from '../../utils/demo.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';
import { userIdOf } from '../../browser/session.js';

/** The demo neighbourhood has a closed and a planned meeting, so every meeting page has something to show. */
let demo: TestServer;
beforeAll(async () => {
  demo = await startTestServer({ demoData: true });
});
afterAll(async () => {
  await demo?.close();
});

describe('demo meetings', () => {
  it('the chair sees last meeting (closed, with minutes) and the next one (planned)', async () => {
    const sevda = userIdOf(demo, 'sevda');
    const { meetings } = (await api(demo, sevda, 'GET', '/api/meetings')).body as MeetingsAnswer;
    expect(meetings.map((m) => m.status).sort()).toEqual(['closed', 'planned']);
    const closed = meetings.find((m) => m.status === 'closed')!;
    const minutes = (
      (await api(demo, sevda, 'GET', `/api/meetings/${closed.id}/minutes`)).body as { minutes: Minutes }
    ).minutes;
    expect(minutes.cases.map((c) => c.alias)).toEqual(['A.Y. (1963)', 'F.O. (1971)']);
    expect(minutes.cases[0]!.actions.length).toBeGreaterThan(0);
  });

  it("the GP has an overdue action, and Ahmet's board changed since the last meeting", async () => {
    const youssef = userIdOf(demo, 'youssef');
    const { actions } = (await api(demo, youssef, 'GET', '/api/actions/mine')).body as ActionsAnswer;
    expect(actions.some((a) => !a.done && a.dueDate < localToday())).toBe(true);
    const { meetings } = (await api(demo, youssef, 'GET', '/api/meetings')).body as MeetingsAnswer;
    const planned = meetings.find((m) => m.status === 'planned')!;
    const changes = (
      await api(
        demo,
        youssef,
        'GET',
        `/api/meetings/${planned.id}/cases/${demoCaseId(demo, 'Ahmet Yılmaz')}/changes`,
      )
    ).body as ChangesAnswer;
    expect(changes.since).not.toBeNull();
    expect(changes.changes.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { mayChairMeeting, meetingCaseGrant, meetingGrant } from '../../shared/meetingPermissions.js';
import type { MeetingFacts } from '../../shared/meetingPermissions.js';
import type { CaseFacts, DocumentGrant, Viewer } from '../../shared/permissions.js';

const professional = (professionalId: string): Viewer => ({
  userId: `u-${professionalId}`,
  role: 'professional',
  professionalId,
  domain: 'social',
  clientCaseId: null,
});
const people = {
  chair: professional('p-chair'),
  anna: professional('p-anna'),
  bram: professional('p-bram'),
  coordinator: professional('p-coord'),
  outsider: professional('p-outsider'),
  client: {
    userId: 'u-client',
    role: 'client',
    professionalId: null,
    domain: null,
    clientCaseId: 'case-1',
  } satisfies Viewer,
  admin: {
    userId: 'u-admin',
    role: 'admin',
    professionalId: null,
    domain: null,
    clientCaseId: null,
  } satisfies Viewer,
};

const meeting = (overrides: Partial<MeetingFacts> = {}): MeetingFacts => ({
  meetingId: 'm1',
  chairId: 'p-chair',
  status: 'planned',
  attendeeIds: ['p-anna', 'p-bram', 'p-coord'],
  agendaCaseIds: ['case-1'],
  ...overrides,
});

/** Anna may change the case, Bram may only read it; the outsider is a member but not in the meeting. */
const caseFacts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'case-1',
  status: 'open',
  coordinatorId: 'p-coord',
  members: [
    { professionalId: 'p-anna', access: 'write' },
    { professionalId: 'p-bram', access: 'read' },
    { professionalId: 'p-outsider', access: 'write' },
  ],
  consents: [],
  ...overrides,
});

describe('who opens a meeting’s agenda [M1]', () => {
  const cases: { name: string; viewer: Viewer; facts: MeetingFacts; grant: DocumentGrant | null }[] = [
    {
      name: 'the chair may change it, even when not listed as attendee',
      viewer: people.chair,
      facts: meeting(),
      grant: { access: 'write', authorization: 'meeting:chair' },
    },
    {
      name: 'a chair who is also listed as attendee opens it as chair',
      viewer: people.chair,
      facts: meeting({ attendeeIds: ['p-chair', 'p-anna'] }),
      grant: { access: 'write', authorization: 'meeting:chair' },
    },
    {
      name: 'an attendee may change it',
      viewer: people.anna,
      facts: meeting(),
      grant: { access: 'write', authorization: 'meeting:attendee' },
    },
    {
      name: 'a professional not invited may not open it',
      viewer: people.outsider,
      facts: meeting(),
      grant: null,
    },
    { name: 'a client never opens it', viewer: people.client, facts: meeting(), grant: null },
    { name: 'an admin never opens it', viewer: people.admin, facts: meeting(), grant: null },
    {
      name: '[M2] a closed meeting can only be read by the chair',
      viewer: people.chair,
      facts: meeting({ status: 'closed' }),
      grant: { access: 'read', authorization: 'meeting:chair' },
    },
    {
      name: '[M2] a closed meeting can only be read by an attendee',
      viewer: people.anna,
      facts: meeting({ status: 'closed' }),
      grant: { access: 'read', authorization: 'meeting:attendee' },
    },
  ];
  for (const { name, viewer, facts, grant } of cases) {
    it(name, () => {
      expect(meetingGrant(viewer, facts)).toEqual(grant);
    });
  }
});

describe('who opens one case in a meeting [M1]', () => {
  const cases: { name: string; viewer: Viewer; facts: MeetingFacts; grant: DocumentGrant | null }[] = [
    {
      name: 'an attendee who may change the case may change its notes, decisions and actions',
      viewer: people.anna,
      facts: meeting(),
      grant: { access: 'write', authorization: 'meeting:attendee+membership:write' },
    },
    {
      name: 'an attendee with read-only membership may only read it',
      viewer: people.bram,
      facts: meeting(),
      grant: { access: 'read', authorization: 'meeting:attendee+membership:read' },
    },
    {
      name: 'the coordinator of the case, attending, may change it',
      viewer: people.coordinator,
      facts: meeting(),
      grant: { access: 'write', authorization: 'meeting:attendee+coordinator' },
    },
    {
      name: 'an attendee who is no member of the case sees only the agenda line',
      viewer: people.chair,
      facts: meeting(),
      grant: null,
    },
    {
      name: 'a member of the case who does not attend the meeting may not open it',
      viewer: people.outsider,
      facts: meeting(),
      grant: null,
    },
    {
      name: 'a case that is not on the agenda does not open through the meeting',
      viewer: people.anna,
      facts: meeting({ agendaCaseIds: ['case-2'] }),
      grant: null,
    },
    {
      name: '[M2] after the meeting closed, even a writing member may only read it',
      viewer: people.anna,
      facts: meeting({ status: 'closed' }),
      grant: { access: 'read', authorization: 'meeting:attendee+membership:write' },
    },
    {
      name: 'the client of the case never opens it',
      viewer: people.client,
      facts: meeting(),
      grant: null,
    },
  ];
  for (const { name, viewer, facts, grant } of cases) {
    it(name, () => {
      expect(meetingCaseGrant(viewer, facts, caseFacts())).toEqual(grant);
    });
  }

  it('a chair who is a member of the case opens it as chair', () => {
    const onCase = caseFacts({ members: [{ professionalId: 'p-chair', access: 'write' }] });
    expect(meetingCaseGrant(people.chair, meeting(), onCase)).toEqual({
      access: 'write',
      authorization: 'meeting:chair+membership:write',
    });
  });
});

describe('changing the meeting itself is the chair’s job', () => {
  const cases: { name: string; viewer: Viewer; may: boolean }[] = [
    { name: 'the chair may', viewer: people.chair, may: true },
    { name: 'an attendee may not', viewer: people.anna, may: false },
    { name: 'a client may not', viewer: people.client, may: false },
    { name: 'an admin may not', viewer: people.admin, may: false },
  ];
  for (const { name, viewer, may } of cases) {
    it(name, () => {
      expect(mayChairMeeting(viewer, meeting())).toBe(may);
    });
  }
});

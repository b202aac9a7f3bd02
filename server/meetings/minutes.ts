import type { AgendaItem } from '../../shared/doc/meeting.js';
import { usedTime } from '../../shared/doc/meeting.js';
import type { MeetingCase } from '../../shared/doc/meetingCase.js';
import type { MeetingAttendee, MeetingSummary, Minutes, MinutesCase } from '../../shared/meetingApi.js';

const dutchDate = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const dutchDay = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * What one reader may see of the minutes: for a case they are not a member of only the agenda
 * line (alias and question), like in the meeting itself.
 */
export function minutesFor(minutes: Minutes, visibleCaseIds: ReadonlySet<string>): Minutes {
  return {
    ...minutes,
    cases: minutes.cases.map((c): MinutesCase =>
      visibleCaseIds.has(c.caseId)
        ? { ...c, visible: true }
        : { ...c, visible: false, decisions: [], actions: [], perspectives: [] },
    ),
  };
}

const relationText = { client: 'cliënt', family: 'familie', other: 'gast' } as const;
const attendeeDetail = (a: MeetingAttendee) => a.roleTitle ?? (a.relation ? relationText[a.relation] : '');

export interface MinutesInput {
  meeting: MeetingSummary;
  closedAt: Date;
  attendees: readonly MeetingAttendee[];
  /** Each case on the agenda, in agenda order, with what its meeting document holds. */
  discussed: readonly { item: AgendaItem; content: MeetingCase }[];
  nameOf(professionalId: string): string;
}

/** The minutes of a meeting at its close, in Dutch: attendees and per case the question, decisions and actions. */
export function writeMinutes({ meeting, closedAt, attendees, discussed, nameOf }: MinutesInput): Minutes {
  return {
    meetingId: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    closedAt: closedAt.toISOString(),
    neighbourhoodName: meeting.neighbourhoodName,
    chairName: meeting.chairName,
    attendees: [
      { name: meeting.chairName, detail: 'voorzitter' },
      ...attendees.map((a) => ({ name: a.name, detail: attendeeDetail(a) })),
    ],
    cases: discussed.map(({ item, content }) => ({
      caseId: item.id,
      alias: item.alias,
      question: item.question,
      visible: true,
      decisions: content.decisions.map((d) => d.text).filter(Boolean),
      actions: content.actions.map((a) => ({
        text: a.text,
        ownerName: nameOf(a.ownerId),
        dueDate: a.dueDate,
      })),
      perspectives: content.perspectives,
      usedMinutes: Math.round(usedTime(item, closedAt.getTime()) / 60_000),
      slotMinutes: item.slotMinutes,
    })),
  };
}

/** The minutes as a Markdown document in Dutch, for export. */
export function minutesMarkdown(minutes: Minutes): string {
  const lines = [
    `# Verslag: ${minutes.title}`,
    '',
    `- Datum: ${dutchDate.format(new Date(minutes.startsAt))}`,
    `- Buurt: ${minutes.neighbourhoodName}`,
    `- Voorzitter: ${minutes.chairName}`,
    `- Gesloten: ${dutchDate.format(new Date(minutes.closedAt))}`,
    '',
    '## Aanwezig',
    '',
    ...minutes.attendees.map((a) => `- ${a.name}${a.detail ? ` (${a.detail})` : ''}`),
  ];
  for (const c of minutes.cases) {
    lines.push('', `## ${c.alias}`, '', `**Vraag:** ${c.question || '(geen vraag)'}`, '');
    if (!c.visible) {
      lines.push('_U bent geen lid van deze casus; alleen de agendaregel is zichtbaar._');
      continue;
    }
    lines.push(`Tijd: ${c.usedMinutes} van ${c.slotMinutes} minuten`, '', '### Besluiten', '');
    lines.push(...(c.decisions.length ? c.decisions.map((d) => `- ${d}`) : ['- Geen besluiten']));
    lines.push('', '### Acties', '');
    lines.push(
      ...(c.actions.length
        ? c.actions.map(
            (a) =>
              `- ${a.text} — ${a.ownerName}, uiterlijk ${dutchDay.format(new Date(`${a.dueDate}T00:00:00Z`))}`,
          )
        : ['- Geen acties']),
    );
  }
  return `${lines.join('\n')}\n`;
}

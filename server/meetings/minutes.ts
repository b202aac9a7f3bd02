import type { PerspectiveState } from '../../shared/doc/board.js';
import type { ClientQuestion } from '../../shared/doc/clientVoice.js';
import type { AgendaItem } from '../../shared/doc/meeting.js';
import { usedTime } from '../../shared/doc/meeting.js';
import type { MeetingCase } from '../../shared/doc/meetingCase.js';
import type { PerspectiveId } from '../../shared/domain.js';
import type { MeetingAttendee, MeetingSummary, Minutes, MinutesCase } from '../../shared/meetingApi.js';
import { defaultPerspectiveNamesNl } from '../../shared/vocabulary.js';

/** The zone the minutes' times are written in unless the reader asks for theirs. */
export const minutesTimeZone = 'Europe/Amsterdam';
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
        : {
            ...c,
            visible: false,
            notes: '',
            decisions: [],
            actions: [],
            clientQuestions: [],
            perspectives: [],
            perspectiveNames: {},
          },
    ),
  };
}

const relationText = { client: 'cliënt', family: 'familie', other: 'gast' } as const;
const attendeeDetail = (a: MeetingAttendee) => a.roleTitle ?? (a.relation ? relationText[a.relation] : '');

export interface MinutesInput {
  meeting: MeetingSummary;
  closedAt: Date;
  attendees: readonly MeetingAttendee[];
  /**
   * Each case on the agenda, in agenda order, with what its meeting document holds and from its
   * board the client's questions marked discussed in this meeting and the perspectives' names.
   */
  discussed: readonly {
    item: AgendaItem;
    content: MeetingCase;
    board?: { questions: readonly ClientQuestion[]; perspectives: readonly PerspectiveState[] };
  }[];
  nameOf(professionalId: string): string;
}

/** Dutch names of the perspectives discussed: the default ones' own, a custom one's label. */
function perspectiveNames(
  ids: readonly PerspectiveId[],
  board: readonly PerspectiveState[],
): Partial<Record<PerspectiveId, string>> {
  const labels = new Map(board.map((p) => [p.id, p.label]));
  const names: Partial<Record<PerspectiveId, string>> = {};
  for (const id of ids) {
    names[id] =
      labels.get(id) ?? defaultPerspectiveNamesNl[id as keyof typeof defaultPerspectiveNamesNl] ?? id;
  }
  return names;
}

/**
 * The minutes of a meeting at its close, in Dutch: attendees and per case the question, the notes
 * typed together, decisions, actions, the client's questions discussed and the perspectives.
 */
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
    cases: discussed.map(({ item, content, board }) => ({
      caseId: item.id,
      alias: item.alias,
      question: item.question,
      visible: true,
      notes: content.notes.trim(),
      decisions: content.decisions.map((d) => d.text).filter(Boolean),
      actions: content.actions.map((a) => ({
        text: a.text,
        ownerName: nameOf(a.ownerId),
        dueDate: a.dueDate,
      })),
      clientQuestions: (board?.questions ?? []).map((q) => ({
        text: q.text,
        askedAt: q.askedAt,
        discussedBy: q.discussedBy ?? '',
      })),
      perspectives: content.perspectives,
      perspectiveNames: perspectiveNames(content.perspectives, board?.perspectives ?? []),
      usedMinutes: Math.round(usedTime(item, closedAt.getTime()) / 60_000),
      slotMinutes: item.slotMinutes,
    })),
  };
}

/**
 * Minutes stored before they held notes, the client's questions and the perspectives' names read
 * as minutes without them.
 */
export function completeMinutes(stored: Minutes): Minutes {
  return {
    ...stored,
    cases: stored.cases.map((c) => ({
      ...c,
      notes: c.notes ?? '',
      clientQuestions: c.clientQuestions ?? [],
      perspectiveNames: c.perspectiveNames ?? perspectiveNames(c.perspectives, []),
    })),
  };
}

/** Whether the runtime knows the IANA time zone (e.g. "Europe/Amsterdam"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('nl-NL', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The minutes as a Markdown document in Dutch, for export, with the times in `timeZone` (the
 * reader's; default the Netherlands'), named at the top.
 */
export function minutesMarkdown(minutes: Minutes, timeZone = minutesTimeZone): string {
  const dutchDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone });
  const lines = [
    `# Verslag: ${minutes.title}`,
    '',
    `- Datum: ${dutchDate.format(new Date(minutes.startsAt))}`,
    `- Buurt: ${minutes.neighbourhoodName}`,
    `- Voorzitter: ${minutes.chairName}`,
    `- Gesloten: ${dutchDate.format(new Date(minutes.closedAt))}`,
    `- Tijden in tijdzone ${timeZone}`,
    '',
    '## Aanwezig',
    '',
    ...minutes.attendees.map((a) => `- ${a.name}${a.detail ? ` (${a.detail})` : ''}`),
  ];
  for (const c of minutes.cases) {
    lines.push('', `## ${c.alias}`, '', `**Vraag:** ${c.question || '(geen vraag)'}`, '');
    if (!c.visible) {
      lines.push('_Je bent geen lid van deze casus; alleen de agendaregel is zichtbaar._');
      continue;
    }
    lines.push(`Tijd: ${c.usedMinutes} van ${c.slotMinutes} minuten`, '', '### Notities', '');
    lines.push(c.notes ? c.notes : '_Geen notities._');
    lines.push('', '### Vragen van de cliënt', '');
    lines.push(
      ...(c.clientQuestions.length
        ? c.clientQuestions.map(
            (q) =>
              `- "${q.text}" (gesteld ${day.format(new Date(q.askedAt))}; besproken, aangevinkt door ${q.discussedBy})`,
          )
        : ['- Geen vragen besproken']),
    );
    lines.push('', '### Besluiten', '');
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
    lines.push('', '### Besproken perspectieven', '');
    lines.push(
      ...(c.perspectives.length
        ? c.perspectives.map((id) => `- ${c.perspectiveNames[id] ?? id}`)
        : ['- Geen perspectieven aangeduid']),
    );
  }
  return `${lines.join('\n')}\n`;
}

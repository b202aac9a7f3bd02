import type { nlSync } from '../nl/sync.js';
import type { Translation } from '../types.js';

/** English: what the board did not keep of someone's typing, and why (SPEC C3, R2). */
export const enSync: Translation<typeof nlSync> = {
  sync: {
    notSaved: {
      heading: 'Not saved',
      intro:
        'This text is not on the board. Copy it if you still need it. It stays here until you remove it.',
      copy: 'Copy',
      copyNamed: 'Copy the text of {{field}}',
      copied: 'Copied',
      copyFailed: 'Copying did not work. Select the text and copy it yourself.',
      dismiss: 'Remove',
      dismissNamed: 'Remove {{field}} from this list',
      textLabel: 'The text of {{field}} that was not saved',
      reason: {
        trimmed:
          'You and someone else typed here at the same time. Together the text became longer than {{max}} characters, so this part of your text was left out.',
        tooLong: 'The text became longer than {{max}} characters. This part no longer fitted.',
        invalid: 'The server did not accept this.',
        incomplete: 'This could not be created because some details were missing.',
        removed: 'Someone else deleted this while you were working in it offline.',
        refusedAgain: 'The server refused this change a second time too.',
        readOnly:
          'This was not saved: you could no longer write here (for example because the meeting or the case was just closed).',
      },
    },
    field: {
      goal: {
        title: 'Title of goal ‘{{goal}}’',
        clientWords: 'In the client’s own words, for goal ‘{{goal}}’',
        other: 'Goal ‘{{goal}}’',
      },
      stepText: 'Step of goal ‘{{goal}}’',
      perspective: {
        situation: 'Situation, {{perspective}} perspective',
        strengths: 'Strengths, {{perspective}} perspective',
        concerns: 'Concerns, {{perspective}} perspective',
        other: '{{perspective}} perspective',
      },
      signalPlan: {
        protectiveFactors: 'Protective factors in the signal plan',
        signs: 'Signs at {{state}} in the signal plan',
        triggers: 'Triggers at {{state}} in the signal plan',
        clientActions: 'What the client does at {{state}} in the signal plan',
        networkActions: 'What the network does at {{state}} in the signal plan',
        professionalActions: 'What the professionals do at {{state}} in the signal plan',
        other: 'The signal plan',
      },
      teamRating: 'How the team sees {{domain}}',
      note: 'Note ({{part}})',
      part: { medical: 'medical', social: 'social' },
      agendaQuestion: 'Question on the agenda for {{alias}}',
      meetingNotes: 'Meeting notes',
      decision: 'Decision in the meeting',
      action: 'Action in the meeting',
      other: 'A change',
    },
  },
};

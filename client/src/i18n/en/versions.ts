import type { nlVersions } from '../nl/versions.js';
import type { Translation } from '../types.js';

/** English: undo and redo, the board's versions and bringing things back from them. */
export const enVersions: Translation<typeof nlVersions> = {
  undo: {
    group: 'Undo',
    undo: 'Undo',
    redo: 'Redo',
  },
  versions: {
    heading: 'Earlier versions',
    intro:
      'The board keeps versions by itself: every quarter of an hour people work on it, when a meeting closes and just before a relapse. Pick a version to see what it held that the board no longer does, and bring it back.',
    loadError: 'The versions could not be loaded: {{message}}',
    none: 'No version has been kept yet. That happens by itself as soon as someone changes the board.',
    listLabel: 'Kept versions, newest first',
    pick: 'Pick a version on the left.',
    kind: {
      auto: 'Kept automatically',
      meeting: 'When {{name}} closed',
      relapse: 'Just before a relapse',
    },
    same: 'Everything the board held on {{when}} is still there.',
    differences: 'On {{when}} the board held this, and now no longer does:',
    item: {
      goal: 'Goal ‘{{title}}’ (deleted)',
      step: 'Step ‘{{text}}’ of goal ‘{{goal}}’ (deleted)',
      perspective: 'Perspective {{name}} (now off or gone)',
      'goal-title': 'The title of goal ‘{{goal}}’ was then:',
      'goal-clientWords': 'The client’s words for ‘{{goal}}’ were then:',
      'step-text': 'A step of ‘{{goal}}’ was then:',
      'perspective-text': '{{field}} for {{name}} was then:',
    },
    emptyText: '(empty)',
    restore: 'Bring back',
    restoreNamed: 'Bring back: {{what}}',
    restored: 'Brought back: {{what}}. Everyone sees it now; Undo takes it away again.',
  },
};

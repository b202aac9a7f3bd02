import { addDutch } from '../dutch.js';
/** Dutch: undo and redo, the board's versions and bringing things back from them. */
export const nlVersions = {
  undo: {
    group: 'Ongedaan maken',
    undo: 'Ongedaan maken',
    redo: 'Opnieuw',
  },
  versions: {
    heading: 'Eerdere versies',
    intro:
      'Het bord bewaart zelf versies: elk kwartier dat eraan gewerkt wordt, als een overleg sluit en vlak voor een terugval. Kies een versie om te zien wat er toen stond en nu niet meer, en zet het terug.',
    loadError: 'De versies konden niet worden geladen: {{message}}',
    none: 'Er is nog geen versie bewaard. Dat gebeurt vanzelf zodra iemand het bord verandert.',
    listLabel: 'Bewaarde versies, nieuwste eerst',
    pick: 'Kies links een versie.',
    kind: {
      auto: 'Vanzelf bewaard',
      meeting: 'Bij het sluiten van {{name}}',
      relapse: 'Vlak voor een terugval',
    },
    same: 'Alles wat er op {{when}} stond, staat er nu ook.',
    differences: 'Op {{when}} stond er dit, en nu niet meer zo:',
    item: {
      goal: 'Doel ‘{{title}}’ (verwijderd)',
      step: 'Stap ‘{{text}}’ bij doel ‘{{goal}}’ (verwijderd)',
      perspective: 'Perspectief {{name}} (staat nu uit of is weg)',
      'goal-title': 'Titel van doel ‘{{goal}}’ was toen:',
      'goal-clientWords': 'Woorden van de cliënt bij ‘{{goal}}’ waren toen:',
      'step-text': 'Een stap bij ‘{{goal}}’ was toen:',
      'perspective-text': '{{field}} bij {{name}} was toen:',
    },
    emptyText: '(leeg)',
    restore: 'Zet terug',
    restoreNamed: 'Zet terug: {{what}}',
    restored: 'Teruggezet: {{what}}. Iedereen ziet het nu; met Ongedaan maken haal je het weer weg.',
  },
};

addDutch(nlVersions);

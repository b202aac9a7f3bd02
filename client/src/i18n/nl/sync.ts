import { addDutch } from '../dutch.js';
/** Dutch: what the board did not keep of someone's typing, and why (SPEC C3, R2). */
export const nlSync = {
  sync: {
    notSaved: {
      heading: 'Niet bewaard',
      intro:
        'Deze tekst staat niet op het bord. Kopieer hem als je hem nog nodig hebt. Hij blijft hier staan tot je hem weghaalt.',
      copy: 'Kopiëren',
      copyNamed: 'Kopieer de tekst van {{field}}',
      copied: 'Gekopieerd',
      copyFailed: 'Kopiëren lukt niet. Selecteer de tekst en kopieer hem zelf.',
      dismiss: 'Weghalen',
      dismissNamed: 'Haal {{field}} weg uit deze lijst',
      textLabel: 'Niet bewaarde tekst van {{field}}',
      reason: {
        trimmed:
          'Jij en iemand anders typten hier tegelijk. Samen werd de tekst langer dan {{max}} tekens. Dit deel van jouw tekst is daarom weggelaten.',
        tooLong: 'De tekst werd langer dan {{max}} tekens. Dit deel paste er niet meer in.',
        invalid: 'De server nam dit niet aan.',
        incomplete: 'Dit kon niet worden aangemaakt, omdat er gegevens ontbraken.',
        removed: 'Iemand anders heeft dit verwijderd terwijl jij er offline in werkte.',
        refusedAgain: 'De server weigerde deze wijziging ook de tweede keer.',
        readOnly:
          'Dit is niet bewaard: je kon hier niet meer schrijven (bijvoorbeeld omdat het overleg of de casus net is afgesloten).',
      },
    },
    field: {
      goal: {
        title: 'Titel van doel ‘{{goal}}’',
        clientWords: 'In de woorden van de cliënt, bij doel ‘{{goal}}’',
        other: 'Doel ‘{{goal}}’',
      },
      stepText: 'Stap bij doel ‘{{goal}}’',
      perspective: {
        situation: 'Situatie, perspectief {{perspective}}',
        strengths: 'Krachten, perspectief {{perspective}}',
        concerns: 'Zorgen, perspectief {{perspective}}',
        other: 'Perspectief {{perspective}}',
      },
      signalPlan: {
        protectiveFactors: 'Beschermende factoren in het signaleringsplan',
        signs: 'Signalen bij {{state}} in het signaleringsplan',
        triggers: 'Uitlokkers bij {{state}} in het signaleringsplan',
        clientActions: 'Wat de cliënt doet bij {{state}} in het signaleringsplan',
        networkActions: 'Wat het netwerk doet bij {{state}} in het signaleringsplan',
        professionalActions: 'Wat de professionals doen bij {{state}} in het signaleringsplan',
        other: 'Het signaleringsplan',
      },
      teamRating: 'Hoe het team {{domain}} ziet',
      note: 'Notitie ({{part}})',
      part: { medical: 'medisch', social: 'sociaal' },
      agendaQuestion: 'Vraag op de agenda bij {{alias}}',
      meetingNotes: 'Notities van het overleg',
      decision: 'Besluit in het overleg',
      action: 'Actie in het overleg',
      other: 'Een wijziging',
    },
  },
};

addDutch(nlSync);

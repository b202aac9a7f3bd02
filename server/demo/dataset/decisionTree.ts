// The demo district's example decision tree: "when does who refer to whom?", with the split of
// tasks the Dutch LESA agreements make between the GP's area, the social area and what they share.
import type { TreeContent } from '../../../shared/decisionTree.js';

/** Its advice for debts names the demo's debt service by its id on the social map. */
export const demoDecisionTree = (debtServiceId: string | null): TreeContent => ({
  title: 'Wie verwijst naar wie? (LESA-verdeling)',
  description:
    'Voor een vraag van een cliënt: hoort die bij de huisarts (medisch), bij het sociaal wijkteam (sociaal), of pakken we hem samen op?',
  rootId: 'q-onderwerp',
  nodes: [
    {
      id: 'q-onderwerp',
      kind: 'question',
      text: 'Waar gaat de vraag vooral over?',
      help: 'Kies wat nu het zwaarst weegt voor de cliënt.',
      answers: [
        { id: 'a-gezondheid', label: 'Gezondheid: klachten, medicijnen, een diagnose', next: 'q-acuut' },
        { id: 'a-leven', label: 'Wonen, geld, werk of meedoen', next: 'q-schulden' },
        { id: 'a-beide', label: 'Allebei, of het is niet duidelijk', next: 'advies-samen' },
      ],
    },
    {
      id: 'q-acuut',
      kind: 'question',
      text: 'Is er acute psychische nood of gevaar?',
      help: 'Bijvoorbeeld denken aan zelfdoding, verwardheid of een terugval met gevaar.',
      answers: [
        { id: 'a-acuut-ja', label: 'Ja', next: 'advies-huisarts-nu' },
        { id: 'a-acuut-nee', label: 'Nee', next: 'advies-poh' },
      ],
    },
    {
      id: 'q-schulden',
      kind: 'question',
      text: 'Zijn er schulden of betalingsachterstanden?',
      help: 'Ook als de cliënt het zelf nog niet zo noemt.',
      answers: [
        { id: 'a-schulden-ja', label: 'Ja', next: 'advies-schuldhulp' },
        { id: 'a-schulden-nee', label: 'Nee', next: 'advies-wijkteam' },
      ],
    },
    {
      id: 'advies-huisarts-nu',
      kind: 'advice',
      text: 'Medisch gebied: meld het vandaag bij de huisarts van de cliënt (of de huisartsenpost).',
      area: 'medical',
      teamKind: 'primary-care',
      serviceId: null,
    },
    {
      id: 'advies-poh',
      kind: 'advice',
      text: 'Medisch gebied: verwijs naar de praktijkondersteuner GGZ (POH-GGZ) van het eerstelijnsteam.',
      area: 'medical',
      teamKind: 'primary-care',
      serviceId: null,
    },
    {
      id: 'advies-schuldhulp',
      kind: 'advice',
      text: 'Sociaal gebied: verwijs naar een schuldhulpverlener; de huisarts blijft op de hoogte.',
      area: 'social',
      teamKind: debtServiceId ? null : 'neighbourhood-team',
      serviceId: debtServiceId,
    },
    {
      id: 'advies-wijkteam',
      kind: 'advice',
      text: 'Sociaal gebied: verwijs naar een professional van het sociaal wijkteam in de buurt van de cliënt.',
      area: 'social',
      teamKind: 'neighbourhood-team',
      serviceId: null,
    },
    {
      id: 'advies-samen',
      kind: 'advice',
      text: 'Gedeeld: pak het samen op. Verwijs naar het sociaal wijkteam en zet de cliënt op de agenda van het casusoverleg.',
      area: 'shared',
      teamKind: 'neighbourhood-team',
      serviceId: null,
    },
  ],
});

// The district's standard letters, in Dutch, following the structure Dutch GPs know from referral
// letters (NHG's HASP: the parties, the core with reason and question, relevant history and current
// treatment, a short summary), with merge fields (shared/letters.ts). Shipped with every district.
import type { LetterSide } from '../../../shared/letters.js';

export interface ShippedTemplate {
  key: string;
  title: string;
  purpose: string;
  fromSide: LetterSide;
  toSide: LetterSide;
  legalBasis: string;
  body: string;
}

const envelope = `Aan: {{ontvanger.naam}}, {{ontvanger.functie}}, {{ontvanger.organisatie}}
Van: {{verwijzer.naam}}, {{verwijzer.functie}}, {{verwijzer.organisatie}}
Telefoon {{verwijzer.telefoon}} · e-mail {{verwijzer.email}}
Datum: {{datum}}
Betreft: {{cliënt.naam}}, geboren {{cliënt.geboortedatum}}`;

export const shippedTemplates: ShippedTemplate[] = [
  {
    key: 'medische-informatie',
    title: 'Sociaal werker vraagt de huisarts om medische informatie',
    purpose:
      'Om gerichte medische informatie vragen die nodig is voor één doel van de cliënt, op grond van de toestemming van de cliënt.',
    fromSide: 'social',
    toSide: 'medical',
    legalBasis:
      'Uitdrukkelijke toestemming van de cliënt (AVG art. 9 lid 2 sub a). De huisarts verstrekt informatie uit het medisch dossier alleen met die toestemming (WGBO, art. 7:457 BW) en alleen wat voor dit doel nodig is.',
    body: `${envelope}

Verzoek om medische informatie

Waarom ik dit vraag
{{reden}}

Mijn vraag aan u
{{vraag}}

Welke informatie, en waarvoor
Ik vraag alleen wat nodig is voor dit doel: {{doel}}.
Gevraagde informatie: [beschrijf precies welke informatie, bijvoorbeeld: wat de beroerte betekent voor zelfstandig wonen en werken]

Toestemming van de cliënt
{{toestemming}} De cliënt gaf deze toestemming op {{toestemming.datum}}.

Wat het sociaal wijkteam nu doet
[korte samenvatting van de situatie en de hulp die nu loopt]

Met vriendelijke groet,
{{verwijzer.naam}}
{{verwijzer.functie}}, {{verwijzer.organisatie}}`,
  },
  {
    key: 'huisarts-naar-wijkteam',
    title: 'Huisarts verwijst naar het sociaal wijkteam',
    purpose:
      'Een patiënt met vragen over wonen, geld, werk of meedoen aanmelden bij een persoon van het sociaal wijkteam (in de geest van Welzijn op Recept).',
    fromSide: 'medical',
    toSide: 'social',
    legalBasis:
      'Toestemming van de cliënt voor de verwijzing. Medische gegevens gaan alleen mee voor zover de cliënt daarvoor uitdrukkelijk toestemming gaf (AVG art. 9 lid 2 sub a; WGBO, art. 7:457 BW).',
    body: `${envelope}

Verwijzing naar het sociaal wijkteam

Reden van verwijzing
{{reden}}

Vraagstelling
{{vraag}}

Relevante voorgeschiedenis
[alleen wat nodig is voor de vraag, en waarvoor de cliënt toestemming gaf]

Huidige behandeling
[lopende behandeling en medicatie voor zover van belang, of: geen]

Wat de cliënt zelf wil
[in de woorden van de cliënt]

Doel in het plan: {{doel}}
Dienst: {{dienst}}
Toestemming: {{toestemming}}

Met collegiale groet,
{{verwijzer.naam}}
{{verwijzer.functie}}, {{verwijzer.organisatie}}`,
  },
  {
    key: 'vrijwilligers-ervaringsdeskundigen',
    title: 'Aanmelding bij een vrijwilligers- of ervaringsdeskundige organisatie',
    purpose:
      'Een cliënt aanmelden bij een contactpersoon van een vrijwilligers- of cliëntorganisatie, zonder medische gegevens.',
    fromSide: 'any',
    toSide: 'any',
    legalBasis:
      'Toestemming van de cliënt voor de aanmelding. Er gaan geen medische gegevens mee; alleen wat de cliënt zelf wil delen.',
    body: `Beste {{ontvanger.naam}},

Graag meld ik {{cliënt.naam}} bij u aan.
Voor: {{dienst}}

Waarom
{{reden}}

Wat we van u vragen
{{vraag}}

{{cliënt.naam}} weet van deze aanmelding en vindt het goed dat u contact opneemt.

Met vriendelijke groet,
{{verwijzer.naam}}
{{verwijzer.functie}}, {{verwijzer.organisatie}}
Telefoon {{verwijzer.telefoon}} · e-mail {{verwijzer.email}}`,
  },
];

import { addDutch } from '../dutch.js';
/**
 * Dutch: consent to share a compartment (SPEC A7) on the team's board, in the client's own plan
 * (B1: short sentences, "je", no jargon), the client's account on the board, and account recovery
 * on the admin page.
 */
export const nlConsent = {
  consent: {
    heading: 'Toestemming om te delen',
    intro:
      'Medische en sociale notities blijven binnen hun eigen domein, tenzij de cliënt toestemming geeft om ze te delen. De toestemming is van de cliënt: die geeft en stopt haar in het eigen plan. Namens de cliënt leggen de regievoerder of de kant die de notities heeft haar vast; wie de notities zou krijgen nooit.',
    none: 'Er is nog geen toestemming vastgelegd.',
    compartment: 'Wat wordt gedeeld',
    compartmentName: { medical: 'Medische notities', social: 'Sociale notities' },
    sharedWith: 'Gedeeld met',
    withDomain: { medical: 'iedereen in het medische domein', social: 'iedereen in het sociale domein' },
    how: 'Hoe gegeven',
    howName: {
      spoken: 'Mondeling',
      written: 'Schriftelijk',
      app: 'Door de cliënt zelf, in de app',
      unknown: 'Niet vastgelegd',
    },
    recordedBy: 'Vastgelegd door',
    byClient: '{{name}} (de cliënt)',
    period: 'Geldig',
    periodValue: 'gegeven {{from}}, t/m {{until}}',
    state: 'Status',
    inForce: 'Geldt',
    expiredOn: 'Afgelopen na {{date}}',
    withdraw: 'Intrekken',
    withdrawNamed: 'Toestemming intrekken: {{what}} gedeeld met {{whom}}',
    confirmWithdraw: 'Toestemming intrekken: {{what}} niet meer delen met {{whom}}? Dit geldt meteen.',
    withdrawn: 'De toestemming is ingetrokken: {{what}} worden niet meer gedeeld met {{whom}}.',
    withdrawnAt: 'Ingetrokken op {{date}} door {{name}}',
    recorded: 'De toestemming is vastgelegd.',
    mayNotRecord:
      'Jij legt hier geen toestemming vast. Dat doet de cliënt zelf in het eigen plan, of de regievoerder of de kant die de notities heeft. Wie de notities zou krijgen, legt de toestemming nooit zelf vast.',
    record: {
      heading: 'Toestemming vastleggen namens de cliënt',
      intro: 'Leg alleen vast wat de cliënt zelf heeft gezegd of getekend.',
      withWhom: 'Met wie mag het gedeeld worden?',
      withDomain: {
        medical: 'Met iedereen uit het medische domein die aan deze casus werkt',
        social: 'Met iedereen uit het sociale domein die aan deze casus werkt',
      },
      withPerson: 'Met één persoon',
      person: 'Persoon',
      choose: 'Kies een persoon',
      how: 'Hoe gaf de cliënt toestemming?',
      spoken: 'Mondeling',
      written: 'Schriftelijk (getekend)',
      givenOn: 'Dag waarop de cliënt toestemming gaf',
      validUntil: 'Geldig tot en met',
      validUntilHint:
        'Standaard {{months}} maanden na de dag van toestemming, hoogstens {{max}} maanden. Daarna stopt het delen vanzelf.',
      submit: 'Toestemming vastleggen',
    },
  },
  clientAccount: {
    active:
      '{{name}} heeft al een account. Een uitnodiging verandert daar niets aan. Kan {{name}} niet inloggen? Vraag de functioneel beheerder om een herstel-link.',
    invited:
      '{{name}} is al uitgenodigd, maar heeft nog geen wachtwoord gekozen. Werkt de link niet meer? Vraag de functioneel beheerder om een nieuwe link.',
  },
  recovery: {
    action: 'Herstel-link',
    actionNamed: 'Herstel-link maken voor {{name}}',
    confirm:
      'Een herstel-link maken voor {{name}}? Het oude wachtwoord werkt dan niet meer, {{name}} wordt overal uitgelogd en een eerdere link werkt niet meer.',
    made: '{{name}} is overal uitgelogd en het oude wachtwoord werkt niet meer. Geef de link hieronder aan {{name}}.',
    link: 'Eenmalige herstel-link voor {{name}}',
  },
};

addDutch(nlConsent);

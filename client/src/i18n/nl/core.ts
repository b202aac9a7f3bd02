import { defaultPerspectiveNamesNl } from '../../../../shared/vocabulary.js';
/** Dutch: the app around the pages: navigation, sign-in and the words of the domain. */
export const nlCore = {
  login: {
    heading: 'Inloggen',
    intro: 'Log in met je gebruikersnaam en wachtwoord.',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    submit: 'Inloggen',
  },
  common: {
    offlineUnavailable: 'Dit kan nu niet: er is geen verbinding met de server.',
    loading: 'Bezig met laden…',
    pageFailed: 'Deze pagina kon niet worden geladen. Controleer je verbinding en laad de pagina opnieuw.',
    reload: 'Opnieuw laden',
    notFound: 'Deze pagina bestaat niet.',
    justNow: 'zojuist',
    tableOf: 'Tabel: {{name}}',
  },
  nav: {
    glossary: 'Begrippen',
    socialMap: 'Sociale kaart',
    collaborationHealth: 'Samenwerking',
    myPlan: 'Mijn plan',
    admin: 'Beheer',
    signedInAs: 'Ingelogd als {{name}}',
    password: 'Wachtwoord wijzigen',
    signOut: 'Uitloggen',
    skip: 'Naar de inhoud',
    label: 'Hoofdmenu',
    clients: 'Cliënten',
    meetings: 'Overleg',
    actions: 'Mijn acties',
    language: 'Taal',
  },
  case: { coordinator: 'Regievoerder' },
  recoveryContext: { stroke: 'Beroerte', psychiatric: 'Psychiatrische behandeling', addiction: 'Verslaving' },
  domain: { care: 'Zorg', housing: 'Wonen', income: 'Inkomen', work: 'Werk en dagbesteding' },
  domainIcon: { care: '✚', housing: '⌂', income: '€', work: '⚒' },
  phase: {
    treatment: 'Tijdens behandeling',
    transition: 'Overgang naar thuis',
    rebuilding: 'Opbouw',
    sustaining: 'Volhouden',
  },
  phaseShort: {
    treatment: 'Behandeling',
    transition: 'Overgang',
    rebuilding: 'Opbouw',
    sustaining: 'Volhouden',
  },
  phaseHint: {
    treatment: 'Herstel begint al in de behandeling',
    transition: 'Terug naar huis en het dagelijks leven',
    rebuilding: 'Weer opbouwen',
    sustaining: 'Vasthouden en terugval voorkomen',
  },
  status: {
    open: 'Open',
    active: 'Actief',
    achieved: 'Bereikt',
    stalled: 'Vastgelopen',
    dropped: 'Vervallen',
  },
  perspective: defaultPerspectiveNamesNl,
  contact: { of: 'Contactgegevens van {{name}}' },
  connection: {
    connecting: 'Verbinden…',
    online: 'Live verbonden',
    offline: 'Offline: wijzigingen worden in deze browser bewaard',
    reconnecting: 'Opnieuw verbinden… je wijzigingen blijven bewaard',
    recovering:
      'De server weigerde een wijziging. Het bord wordt opnieuw opgehaald en je werk wordt teruggezet…',
    refused: {
      4400: 'De server begreep een bericht van deze browser niet. Herlaad de pagina. Wat niet bewaard is, staat onder ‘Niet bewaard’.',
      4401: 'Je bent niet meer ingelogd. Log opnieuw in; wat je typte, blijft in deze browser bewaard.',
      4403: 'Geen toegang tot dit bord. Vraag de regievoerder om toegang als je hier moet werken.',
      4404: 'Dit bord bestaat niet (meer). Ga terug naar het overzicht.',
      4413: 'Een wijziging was te groot voor de server. Herlaad de pagina. Wat niet bewaard is, staat onder ‘Niet bewaard’.',
      4422: 'De server weigerde een wijziging. Herlaad de pagina. Wat niet bewaard is, staat onder ‘Niet bewaard’.',
      other:
        'De verbinding is verbroken (code {{code}}). Herlaad de pagina. Lukt dat niet, neem dan contact op met de beheerder.',
    },
    refusedAgain:
      'De server weigerde je wijzigingen opnieuw. Ze staan onder ‘Niet bewaard’: kopieer ze en herlaad de pagina.',
  },
  presence: {
    label_one: '{{count}} persoon op dit bord',
    label_other: '{{count}} mensen op dit bord',
    you: '{{name}} (jij)',
    guest: 'Gast',
    editing: '{{name}} bewerkt',
    typingHere: '{{names}} typt hier mee',
  },
  /** A signal state in words, on every page that shows one (caseload, bell, board, the client's plan). */
  signalState: {
    name: { green: 'Groen', amber: 'Oranje', red: 'Rood', none: 'Nog geen observatie' },
    meaning: {
      green: 'Het gaat goed',
      amber: 'Let op: signalen van terugval',
      red: 'Crisis: nu ingrijpen',
      none: 'Nog niets vastgelegd',
    },
  },
  signOut: {
    saving: 'Bezig met bewaren…',
    unsavedTitle: 'Nog niet alles is bewaard',
    unsaved_one:
      'Op deze computer staat werk aan {{count}} bord dat de server nog niet heeft (je bent offline, of je hebt geen toegang meer). Blijf ingelogd tot je weer verbinding hebt, of log toch uit: dan wordt dit werk gewist.',
    unsaved_other:
      'Op deze computer staat werk aan {{count}} borden dat de server nog niet heeft (je bent offline, of je hebt geen toegang meer). Blijf ingelogd tot je weer verbinding hebt, of log toch uit: dan wordt dit werk gewist.',
    retry: 'Opnieuw proberen',
    stay: 'Ingelogd blijven',
    anyway: 'Toch uitloggen en wissen',
    expired:
      'Je sessie is afgelopen. Log opnieuw in. Werk dat je offline deed en nog niet bewaard is, blijft op deze computer tot je weer inlogt; logt iemand anders in, dan wordt het gewist.',
  },
};

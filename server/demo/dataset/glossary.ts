// The demo district's shared terms, in Dutch: words both sides use and hear differently (the source
// texts name "het gezamenlijk hanteren van begrippen, van bijvoorbeeld het begrip dementie"). Per
// term what it means in the GP team, what it means in the social neighbourhood team, and the
// meaning the district agreed on. Related terms are named by their term.

export interface DemoTerm {
  term: string;
  variants: string[];
  medicalMeaning: string;
  socialMeaning: string;
  sharedMeaning: string;
  related: string[];
}

export const demoTerms: DemoTerm[] = [
  {
    term: 'dementie',
    variants: ['dementerend', 'dementerende'],
    medicalMeaning:
      'Een diagnose: achteruitgang van geheugen en andere cognitieve functies die het dagelijks functioneren belemmert, vastgesteld door huisarts of geheugenpoli (NHG-standaard Dementie).',
    socialMeaning:
      'Iemand die de eigen dag niet meer goed rond krijgt: post blijft liggen, afspraken worden vergeten, de mantelzorger raakt overbelast. Ook zonder diagnose.',
    sharedMeaning:
      'We zeggen "dementie" pas als de huisarts de diagnose heeft gesteld; daarvoor zeggen we "geheugenklachten". Beide kanten letten op wat de persoon en de mantelzorger in het dagelijks leven nog zelf kunnen.',
    related: ['mantelzorger', 'regievoerder'],
  },
  {
    term: 'zorgmijder',
    variants: ['zorgmijdend', 'zorgmijdende', 'zorgmijding'],
    medicalMeaning:
      'Een patiënt die niet op afspraken komt, medicatie niet ophaalt en zich niet laat onderzoeken, ook als dat medisch nodig is.',
    socialMeaning:
      'Iemand die hulp afhoudt, vaak uit wantrouwen of schaamte na eerdere ervaringen met instanties; de deur blijft dicht, brieven blijven ongeopend.',
    sharedMeaning:
      'Iemand die nu geen hulp aanneemt terwijl wij ons zorgen maken. We beschrijven wat we zien, niet wie iemand is, en zoeken samen de ene persoon die nog wel binnen mag komen.',
    related: ['multiproblematiek', 'ervaringsdeskundige'],
  },
  {
    term: 'multiproblematiek',
    variants: ['multiprobleemgezin', 'multiprobleemgezinnen', 'meervoudige problematiek'],
    medicalMeaning:
      'Meerdere aandoeningen tegelijk (multimorbiditeit), vaak met psychische klachten, die elkaars behandeling bemoeilijken.',
    socialMeaning:
      'Problemen op meerdere levensgebieden tegelijk: schulden, huisvesting, werk, opvoeding en gezondheid, die elkaar in stand houden.',
    sharedMeaning:
      'Problemen op meer levensgebieden, medische en sociale, die op elkaar inwerken, zodat één hulpverlener ze niet alleen kan oplossen. Dan spreken we één regievoerder en één plan af.',
    related: ['regievoerder', 'schuldhulpverlening'],
  },
  {
    term: 'regievoerder',
    variants: ['regiehouder', 'casusregisseur', 'casusregie'],
    medicalMeaning:
      'De huisarts als poortwachter en coördinator van de medische zorg: die houdt het overzicht over behandelaars en medicatie.',
    socialMeaning:
      'De medewerker van het wijkteam die het plan met de cliënt maakt, afspraken bewaakt en andere hulpverleners bij elkaar haalt.',
    sharedMeaning:
      'De ene professional die voor deze cliënt het overzicht houdt over beide kanten en de cliënt helpt zelf de regie te houden. Wie dat is, staat op het bord; de anderen houden die persoon op de hoogte.',
    related: ['multiproblematiek', 'sociaal wijkteam'],
  },
  {
    term: 'ervaringsdeskundige',
    variants: ['ervaringsdeskundigheid'],
    medicalMeaning:
      'Iemand met eigen ervaring met ziekte of herstel die in de GGZ of een patiëntenvereniging lotgenoten ondersteunt.',
    socialMeaning:
      'Een getrainde vrijwilliger of collega die met eigen levenservaring (schulden, dakloosheid, verslaving) naast de cliënt staat.',
    sharedMeaning:
      'Iemand die vanuit eigen, verwerkte ervaring en met training anderen helpt bij herstel. Zij zijn een volwaardige partner in het plan, geen vervanging van professionele hulp.',
    related: ['herstel', 'zorgmijder'],
  },
  {
    term: 'mantelzorger',
    variants: ['mantelzorg'],
    medicalMeaning:
      'De naaste die de patiënt helpt en informatie geeft; aanspreekpunt als de patiënt dat zelf niet kan.',
    socialMeaning:
      'Iemand die langdurig en onbetaald zorgt voor een naaste, en zelf ondersteuning nodig kan hebben (respijtzorg, mantelzorgwaardering).',
    sharedMeaning:
      'Een naaste die onbetaald en langdurig zorgt. We vragen hoe het met de mantelzorger zelf gaat en spreken af wie van ons dat doet.',
    related: ['dementie'],
  },
  {
    term: 'POH-GGZ',
    variants: ['praktijkondersteuner GGZ'],
    medicalMeaning:
      'De praktijkondersteuner van de huisarts voor psychische klachten: kortdurende begeleiding en verwijzing binnen de huisartsenzorg.',
    socialMeaning:
      'De eerste om te bellen als een cliënt psychisch vastloopt; soms onbekend dat die alleen via de huisarts te bereiken is.',
    sharedMeaning:
      'De praktijkondersteuner GGZ van de huisartsenpraktijk. Het wijkteam verwijst via de huisarts of overlegt rechtstreeks met de POH-GGZ als de cliënt daar toestemming voor geeft.',
    related: ['herstel'],
  },
  {
    term: 'sociaal wijkteam',
    variants: ['sociale wijkteams', 'gebiedsteam', 'buurtteam'],
    medicalMeaning:
      'Het loket van de gemeente waar de huisarts naartoe verwijst voor alles wat niet medisch is.',
    socialMeaning:
      'Een team van generalisten (maatschappelijk werk, Wmo-consulenten, jeugdhulp, schuldhulp) dat dichtbij werkt en zelf hulp biedt of toegang geeft.',
    sharedMeaning:
      'Het team van de wijk voor het sociale domein, hetzelfde als buurtteam of gebiedsteam. De huisarts verwijst niet naar het team, maar naar één contactpersoon daarin.',
    related: ['regievoerder', 'Wmo-indicatie'],
  },
  {
    term: 'Wmo-indicatie',
    variants: ['Wmo-beschikking', 'maatwerkvoorziening'],
    medicalMeaning:
      'Wat de patiënt krijgt als de huisarts een verklaring schrijft: thuiszorg, een scootmobiel, aanpassingen in huis.',
    socialMeaning:
      'Het besluit van de gemeente na een keukentafelgesprek over een maatwerkvoorziening op grond van de Wmo 2015; een medische verklaring is daarvoor niet altijd nodig.',
    sharedMeaning:
      'Het besluit (beschikking) van de gemeente dat iemand recht heeft op een Wmo-voorziening, na een gesprek met de cliënt. Medische informatie helpt, alleen met toestemming en alleen wat nodig is.',
    related: ['sociaal wijkteam', 'mantelzorger'],
  },
  {
    term: 'schuldhulpverlening',
    variants: ['schuldhulp', 'schuldsanering'],
    medicalMeaning:
      'Iets buiten de zorg waarnaar de huisarts doorverwijst als geldzorgen klachten geven of in de weg zitten.',
    socialMeaning:
      'Het traject van de gemeente: stabiliseren, een overzicht van de schulden maken, een regeling treffen met schuldeisers, soms een schuldsaneringsregeling.',
    sharedMeaning:
      'Hulp van de gemeente om schulden op orde te krijgen. Geldzorgen maken mensen ziek en ziekte maakt schulden; beide kanten vragen ernaar en verwijzen naar één persoon.',
    related: ['multiproblematiek'],
  },
  {
    term: 'herstel',
    variants: ['herstelfase', 'herstellen', 'hersteltraining'],
    medicalMeaning: 'Afname van klachten en terugkeer van functies na behandeling (klinisch herstel).',
    socialMeaning:
      'Weer meedoen: werk, een thuis, contacten en een zinvolle dag, ook als klachten blijven (persoonlijk en maatschappelijk herstel).',
    sharedMeaning:
      'Herstel van het dagelijks functioneren, medisch, persoonlijk en maatschappelijk. Het begint al tijdens de behandeling, en de cliënt bepaalt wat herstel voor hem of haar is.',
    related: ['terugval', 'ervaringsdeskundige'],
  },
  {
    term: 'terugval',
    variants: ['terugvallen'],
    medicalMeaning: 'Het opnieuw optreden van klachten of verslaving na een periode zonder (recidief).',
    socialMeaning:
      'Weer kwijtraken wat was opgebouwd: de baan, het huis, de regeling met schuldeisers, het contact met de buurt.',
    sharedMeaning:
      'Een moment waarop het slechter gaat na een periode van herstel, medisch of sociaal. Het signaleringsplan zegt waar we op letten en wie wat doet; een terugval is geen mislukking.',
    related: ['herstel'],
  },
];

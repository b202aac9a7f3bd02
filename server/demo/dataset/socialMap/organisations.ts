// The organisations on the social map of Wijk Oost: the nine that also work on the case boards
// (same ids and names as ../organisations.ts), then the volunteer, client-run and other ones.
import type { MapOrganisation } from './common.js';

export const mapOrganisations: MapOrganisation[] = [
  // The organisations of the case boards.
  {
    id: 'org-gc-de-linde',
    name: 'Gezondheidscentrum De Linde',
    kind: 'gp-practice',
    description:
      'Huisartsen, POH-GGZ, apotheek en fysiotherapie onder één dak. Voor iedereen die in Wijk Oost ingeschreven staat.',
    website: 'https://www.gc-delinde.example.nl',
    email: 'info@gc-delinde.example.nl',
    phone: '038-4521100',
  },
  {
    id: 'org-ggz-oostland',
    name: 'GGZ Oostland',
    kind: 'mental-health',
    description:
      'Zorg bij ernstige psychische problemen, ook thuis met het FACT-team. Je komt via je huisarts.',
    website: 'https://www.ggz-oostland.example.nl',
    email: 'info@ggz-oostland.example.nl',
    phone: '038-4609000',
  },
  {
    id: 'org-keerpunt',
    name: 'Verslavingszorg Keerpunt',
    kind: 'mental-health',
    description:
      'Hulp bij problemen met alcohol, drugs, medicijnen of gokken. Een eerste gesprek kan zonder verwijzing.',
    website: 'https://www.keerpunt.example.nl',
    email: 'info@keerpunt.example.nl',
    phone: '038-4633000',
  },
  {
    id: 'org-samen-thuis',
    name: 'Wijkverpleging Samen Thuis',
    kind: 'home-care',
    description:
      'Wijkverpleegkundigen die thuis zorg geven en meedenken. Ook na een opname in het ziekenhuis.',
    website: 'https://www.samenthuis.example.nl',
    email: 'info@samenthuis.example.nl',
    phone: '038-4555000',
  },
  {
    id: 'org-gemeente',
    name: 'Gemeente, Sociale Wijkteams Oost',
    kind: 'municipality',
    description:
      'De sociale wijkteams helpen bij vragen over geld, wonen, opvoeden en meedoen. Eén vast contactpersoon per huishouden.',
    website: 'https://www.wijkteam-oost.example.nl',
    email: 'info@wijkteam-oost.example.nl',
    phone: '038-4987300',
  },
  {
    id: 'org-kompas',
    name: 'Schuldhulpverlening Kompas',
    kind: 'debt-service',
    description: 'Gratis hulp bij schulden en betalingsachterstanden voor inwoners van Oostwaarde.',
    website: 'https://www.kompas-schuldhulp.example.nl',
    email: 'info@kompas-schuldhulp.example.nl',
    phone: '038-4720000',
  },
  {
    id: 'org-thuisbasis',
    name: 'Woonstichting Thuisbasis',
    kind: 'housing-corporation',
    description: 'Verhuurt sociale huurwoningen in Wijk Oost. Helpt huurders die het even niet redden.',
    website: 'https://www.thuisbasis.example.nl',
    email: 'info@thuisbasis.example.nl',
    phone: '038-4700200',
  },
  {
    id: 'org-de-brug',
    name: 'Herstelcollectief De Brug',
    kind: 'volunteer',
    description:
      'Een plek van en voor mensen met psychische kwetsbaarheid of verslaving. Ervaringsdeskundigen runnen de inloop en de werkplaats.',
    website: 'https://www.herstelcollectief-debrug.example.nl',
    email: 'info@herstelcollectief-debrug.example.nl',
    phone: '06-45362718',
  },
  {
    id: 'org-werkbedrijf',
    name: 'Werkbedrijf Regio Oost',
    kind: 'employment',
    description: 'Helpt mensen met een uitkering op weg naar werk, stage of vrijwilligerswerk.',
    website: 'https://www.werkbedrijf-oost.example.nl',
    email: 'info@werkbedrijf-oost.example.nl',
    phone: '038-4810000',
  },

  // Volunteer, client-run and other organisations that only appear on the social map.
  {
    id: 'org-herstelacademie',
    name: 'Herstelacademie Oostwaarde',
    kind: 'other',
    description:
      'Cursussen over herstel, gegeven door ervaringsdeskundigen. Je leert van elkaar, niet van een behandelaar.',
    website: 'https://www.herstelacademie-oostwaarde.example',
    email: 'info@herstelacademie-oostwaarde.example',
    phone: '038-4661200',
  },
  {
    id: 'org-nieuwe-kans',
    name: 'Herstelgroep Nieuwe Kans',
    kind: 'volunteer',
    description:
      'Zelfhulpgroepen voor mensen die willen stoppen met alcohol of drugs, of al gestopt zijn. Geleid door mensen die zelf verslaafd waren.',
    website: null,
    email: 'contact@herstelgroep-nieuwekans.example',
    phone: '06-71829304',
  },
  {
    id: 'org-nieuwe-start',
    name: 'Maatjesproject Nieuwe Start',
    kind: 'volunteer',
    description:
      'Koppelt mensen die uit detentie komen aan een vrijwillig maatje. Veel maatjes hebben zelf vastgezeten.',
    website: 'https://www.nieuwestart-oostwaarde.example',
    email: 'info@nieuwestart-oostwaarde.example',
    phone: '06-82930415',
  },
  {
    id: 'org-bibliotheek',
    name: 'Bibliotheek Oostwaarde',
    kind: 'other',
    description:
      'De bibliotheek met het Taalhuis: taalcafés, hulp bij lezen en schrijven en een digi-spreekuur.',
    website: 'https://www.bibliotheek-oostwaarde.example',
    email: 'taalhuis@bibliotheek-oostwaarde.example',
    phone: '038-4590500',
  },
  {
    id: 'org-het-woord',
    name: 'Leespunt Het Woord',
    kind: 'volunteer',
    description:
      'Een inloop in de Molenwijk waar vrijwilligers je helpen met brieven en formulieren. Je hoeft niet goed te kunnen lezen.',
    website: null,
    email: 'leespunt@hetwoord-oost.example',
    phone: '06-93041526',
  },
  {
    id: 'org-voedselbank',
    name: 'Voedselbank Wijk Oost',
    kind: 'volunteer',
    description:
      'Geeft elke week een voedselpakket aan huishoudens die even te weinig geld hebben voor eten.',
    website: 'https://www.voedselbank-wijkoost.example',
    email: 'aanmelden@voedselbank-wijkoost.example',
    phone: '06-10293847',
  },
  {
    id: 'org-vluchtelingenwerk',
    name: 'VluchtelingenWerk Oostwaarde',
    kind: 'volunteer',
    description:
      'Begeleidt vluchtelingen met een verblijfsvergunning in hun eerste jaren in Oostwaarde. Met vrijwilligers en tolken.',
    website: 'https://www.vluchtelingenwerk-oostwaarde.example',
    email: 'oostwaarde@vluchtelingenwerk-oostwaarde.example',
    phone: '038-4643300',
  },
  {
    id: 'org-nieuwkomers',
    name: 'Nieuwkomers voor Nieuwkomers',
    kind: 'volunteer',
    description:
      'Vluchtelingen die hier al langer wonen, helpen mensen die net zijn gekomen. In je eigen taal.',
    website: null,
    email: 'hallo@nieuwkomersvoornieuwkomers.example',
    phone: '06-20394857',
  },
  {
    id: 'org-papierwinkel',
    name: 'Stichting Papierwinkel Oost',
    kind: 'volunteer',
    description:
      'Vrijwilligers die thuis komen helpen met je post, rekeningen en administratie. Tot alles weer op orde is.',
    website: 'https://www.papierwinkel-oost.example',
    email: 'info@papierwinkel-oost.example',
    phone: '038-4677100',
  },
  {
    id: 'org-sportief-oost',
    name: 'Sportief Oost',
    kind: 'other',
    description: 'Buurtsportcoaches die mensen in beweging helpen. Laagdrempelig en dichtbij huis.',
    website: 'https://www.sportiefoost.example',
    email: 'info@sportiefoost.example',
    phone: '038-4688200',
  },
  {
    id: 'org-welzijn',
    name: 'Welzijn Oostwaarde',
    kind: 'other',
    description:
      'De welzijnsorganisatie van de wijk: buurthuizen, Welzijn op Recept en steun voor mantelzorgers.',
    website: 'https://www.welzijn-oostwaarde.example',
    email: 'info@welzijn-oostwaarde.example',
    phone: '038-4699000',
  },
  {
    id: 'org-na-beroerte',
    name: 'Contactgroep Leven na een Beroerte',
    kind: 'volunteer',
    description:
      'Mensen die zelf een beroerte hadden, en hun naasten, ontmoeten elkaar. Je deelt ervaringen en tips.',
    website: null,
    email: 'contactgroep@levennaeenberoerte.example',
    phone: '06-31425364',
  },
  {
    id: 'org-naast-je',
    name: 'Cliëntondersteuning Naast Je',
    kind: 'other',
    description:
      'Onafhankelijke cliëntondersteuners die met je meegaan naar gesprekken met de gemeente of zorg. Ook bij een licht verstandelijke beperking.',
    website: 'https://www.naastje.example',
    email: 'info@naastje.example',
    phone: '038-4612400',
  },
  {
    id: 'org-sociaal-raadslieden',
    name: 'Sociaal Raadslieden Oostwaarde',
    kind: 'other',
    description:
      'Gratis advies over geld, toeslagen, uitkeringen en brieven van instanties. Sociaal raadslieden zoeken het voor je uit.',
    website: 'https://www.raadslieden-oostwaarde.example',
    email: 'spreekuur@raadslieden-oostwaarde.example',
    phone: '038-4625500',
  },
  {
    id: 'org-wmo-loket',
    name: 'Wmo-loket Oostwaarde',
    kind: 'municipality',
    description:
      'Het loket van de gemeente voor hulp thuis, hulpmiddelen en aanpassingen aan je woning (Wmo).',
    website: 'https://www.oostwaarde.example/wmo',
    email: 'wmo@oostwaarde.example',
    phone: '038-4980000',
  },
];

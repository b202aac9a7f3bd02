// The organisations working in Wijk Oost and the teams they form per neighbourhood.
import type { DemoData } from '../types.js';

export const organisations: DemoData['organisations'] = [
  { id: 'org-gc-de-linde', name: 'Gezondheidscentrum De Linde', kind: 'gp-practice' },
  { id: 'org-ggz-oostland', name: 'GGZ Oostland', kind: 'mental-health' },
  { id: 'org-keerpunt', name: 'Verslavingszorg Keerpunt', kind: 'mental-health' },
  { id: 'org-samen-thuis', name: 'Wijkverpleging Samen Thuis', kind: 'home-care' },
  { id: 'org-gemeente', name: 'Gemeente, Sociale Wijkteams Oost', kind: 'municipality' },
  { id: 'org-kompas', name: 'Schuldhulpverlening Kompas', kind: 'debt-service' },
  { id: 'org-thuisbasis', name: 'Woonstichting Thuisbasis', kind: 'housing-corporation' },
  { id: 'org-de-brug', name: 'Herstelcollectief De Brug', kind: 'volunteer' },
  { id: 'org-werkbedrijf', name: 'Werkbedrijf Regio Oost', kind: 'employment' },
];

export const teams: DemoData['teams'] = [
  {
    id: 'team-el-rivierenbuurt',
    name: 'Eerstelijnsteam Rivierenbuurt',
    kind: 'primary-care',
    neighbourhoodId: 'buurt-rivierenbuurt',
  },
  {
    id: 'team-el-molenwijk',
    name: 'Eerstelijnsteam Molenwijk',
    kind: 'primary-care',
    neighbourhoodId: 'buurt-molenwijk',
  },
  {
    id: 'team-el-de-hoven',
    name: 'Eerstelijnsteam De Hoven',
    kind: 'primary-care',
    neighbourhoodId: 'buurt-de-hoven',
  },
  {
    id: 'team-swt-rivierenbuurt',
    name: 'Sociaal wijkteam Rivierenbuurt',
    kind: 'neighbourhood-team',
    neighbourhoodId: 'buurt-rivierenbuurt',
  },
  {
    id: 'team-swt-molenwijk',
    name: 'Sociaal wijkteam Molenwijk',
    kind: 'neighbourhood-team',
    neighbourhoodId: 'buurt-molenwijk',
  },
  {
    id: 'team-swt-de-hoven',
    name: 'Sociaal wijkteam De Hoven',
    kind: 'neighbourhood-team',
    neighbourhoodId: 'buurt-de-hoven',
  },
  { id: 'team-fact-oost', name: 'FACT-team Oost', kind: 'other', neighbourhoodId: 'buurt-molenwijk' },
  {
    id: 'team-keerpunt-oost',
    name: 'Keerpunt ambulant team Oost',
    kind: 'other',
    neighbourhoodId: 'buurt-rivierenbuurt',
  },
  {
    id: 'team-de-brug',
    name: 'Herstelwerkplaats De Brug',
    kind: 'volunteer-organisation',
    neighbourhoodId: 'buurt-de-hoven',
  },
];

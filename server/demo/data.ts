import { cases } from './dataset/cases/index.js';
import { organisations, teams } from './dataset/organisations.js';
import { district, neighbourhoods } from './dataset/place.js';
import { professionals } from './dataset/professionals.js';
import type { DemoData } from './types.js';

/**
 * Demo data for "Wijk Oost": three neighbourhoods, the organisations and teams that work there, and
 * fifteen fictional clients recovering after a stroke, a psychiatric treatment or an addiction. All
 * names, phone numbers and e-mail addresses are invented. The parts live in ./dataset/: place,
 * organisations and teams, professionals, and one file per case under cases/<recovery context>/.
 */
export const demoData: DemoData = {
  district,
  neighbourhoods,
  organisations,
  teams,
  professionals,
  cases,
};

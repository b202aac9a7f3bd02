// The demo district Wijk Oost and its three neighbourhoods.
import type { DemoData } from '../types.js';

export const district: DemoData['district'] = { id: 'wijk-oost', name: 'Wijk Oost' };

export const neighbourhoods: DemoData['neighbourhoods'] = [
  { id: 'buurt-rivierenbuurt', name: 'Rivierenbuurt' },
  { id: 'buurt-molenwijk', name: 'Molenwijk' },
  { id: 'buurt-de-hoven', name: 'De Hoven' },
];

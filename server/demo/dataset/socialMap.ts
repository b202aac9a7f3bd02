// The social map (sociale kaart) of the demo district Wijk Oost: organisations and their services.
// The data lives in ./socialMap/, grouped by side: medical, social, volunteer and peer-run.
import { medicalServices } from './socialMap/services/medical.js';
import { peerRunServices } from './socialMap/services/peerRun.js';
import { socialServices } from './socialMap/services/social.js';
import { volunteerServices } from './socialMap/services/volunteer.js';
import type { MapService } from './socialMap/common.js';

export { mapOrganisations } from './socialMap/organisations.js';
export type { MapOrganisation, MapService } from './socialMap/common.js';

export const mapServices: MapService[] = [
  ...medicalServices,
  ...socialServices,
  ...volunteerServices,
  ...peerRunServices,
];

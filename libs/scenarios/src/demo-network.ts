import { coodyssee2016 } from './coodyssee-2016';
import { demoIdentities } from './demo-identities';
import type { Envelope } from './history';
import { generateNetworkHistory } from './network-history';

/**
 * What `npm start` imports into an empty data directory, so a newcomer's first queries answer with figures:
 * Coodyssée's real 2016 and two generated CAEs with four years of history each; their legal identities and a few
 * clients of a directory.
 */
export const demoNetwork = (): Envelope[] => [
  ...coodyssee2016(),
  ...generateNetworkHistory({ caeId: 'alpes-sud', name: 'Alpes Sud Entreprendre', region: 'Provence-Alpes-Côte d’Azur', fromYear: 2022, toYear: 2025, cohort: 9, seed: 2022 }),
  ...generateNetworkHistory({ caeId: 'loire-coop', name: 'Loire Coop Activités', region: 'Pays de la Loire', fromYear: 2022, toYear: 2025, cohort: 7, seed: 44 }),
  ...demoIdentities(),
];

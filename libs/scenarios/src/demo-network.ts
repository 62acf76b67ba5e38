import { generateHistory, type Envelope } from './history';

/** What `npm start` imports into an empty data directory, so a newcomer's first queries answer with figures. */
export const demoNetwork = (): Envelope[] => [
  ...generateHistory({ caeId: 'alpes-demo', entrepreneurs: 30, year: 2025 }),
  ...generateHistory({ caeId: 'loire-demo', entrepreneurs: 20, year: 2025 }),
];

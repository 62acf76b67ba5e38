import { ASSOCIATE_CATEGORIES, CLIENT_KINDS, EXIT_REASONS, SITUATIONS_AT_ENTRY } from '../../../../libs/domain';
import { AGE_BRACKETS } from '../../../../projections/network-statistics/indicators';
import { COUNT, DECIMAL_2, INTEGER, keyed, list, MONEY, MONTH, record, SHARE, TEXT, type JsonSchema } from './json';

/** The answer of /api/caes/{caeId}/statistics and /api/network/statistics (docs/api.md § Statistics). */
const indicators = {
  scope: { ...TEXT, description: 'the caeId, or "network"' },
  year: INTEGER,
  headcount: record({
    start: COUNT,
    end: COUNT,
    entries: COUNT,
    exits: COUNT,
    accompanied: COUNT,
    endByStatus: keyed(['cape', 'salaried', 'associates'], COUNT),
  }),
  monthly: { ...list(record({ month: MONTH, entries: COUNT, exits: COUNT, headcountEnd: COUNT })), minItems: 12, maxItems: 12 },
  exits: record({ byReason: keyed(EXIT_REASONS, COUNT), positiveExitRate: SHARE }),
  associates: record({ end: keyed([...ASSOCIATE_CATEGORIES, 'total'], COUNT), newAssociates: COUNT, shareCapital: MONEY }),
  funnel: record({ informationSessionAttendees: COUNT, intakeInterviews: COUNT, integrations: COUNT }),
  revenue: record({
    total: MONEY,
    byClientKind: keyed(CLIENT_KINDS, MONEY),
    bySector: { type: 'object', additionalProperties: MONEY, description: 'revenue excl. VAT by activity sector' },
    vatCollected: MONEY,
    contributions: MONEY,
    subsidies: MONEY,
    socialAndFiscalReturnPerSubsidyEuro: DECIMAL_2,
  }),
  payroll: record({ grossMass: MONEY, employeeContributions: MONEY, employerContributions: MONEY, hoursPaid: DECIMAL_2, fte: DECIMAL_2, averageMonthlyGross: MONEY }),
  people: record({ womenShare: SHARE, ageBrackets: keyed(AGE_BRACKETS, COUNT), situationAtEntry: keyed(SITUATIONS_AT_ENTRY, COUNT), parallelActivityShare: SHARE }),
  support: record({ meetings: COUNT, workshopHours: DECIMAL_2, belowTwoMeetings: COUNT }),
};

export const STATISTICS: JsonSchema = record(indicators, 'The indicators of a CAE for a calendar year, by the business date of each fact');

/** What the network compares side by side: a CAE's or a region's own key figures for the year. */
const keyFigures = { accompanied: COUNT, entries: COUNT, exits: COUNT, revenue: MONEY, grossMass: MONEY, associates: COUNT, positiveExitRate: SHARE };

export const NETWORK_STATISTICS: JsonSchema = record(
  {
    ...indicators,
    network: record({
      caes: COUNT,
      byCae: list(record({ caeId: TEXT, name: TEXT, region: TEXT, ...keyFigures }), 'each CAE’s key figures, in name order'),
      byRegion: list(record({ region: TEXT, caes: COUNT, ...keyFigures }), 'each region’s key figures, rates recomputed on the region’s sums, in name order'),
    }),
  },
  'The indicators of the whole network: the sums of every CAE, rates recomputed on the sums',
);

const byYear = (year: JsonSchema, description: string): JsonSchema => record({ scope: TEXT, years: list(year, description) });
export const STATISTICS_YEARS = byYear(STATISTICS, 'each calendar year from the first fact to the last, the years between included (zeros)');
export const NETWORK_STATISTICS_YEARS = byYear(NETWORK_STATISTICS, 'each calendar year from the network’s first fact to its last, the years between included (zeros)');

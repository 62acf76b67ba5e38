import { INTEGER, list, oneOfValues, record, TEXT, type JsonSchema } from './json';

/** The answer of /api/health (docs/api.md § Health). */

const PROBLEM = record({
  code: { ...TEXT, description: 'EVENT_QUARANTINED, LOG_BEHIND_CHECKPOINT, or one of the log\'s own findings (LOG_HEAD_WENT_BACKWARDS, LOG_TAMPERED, COMMAND_RECORD_MISSING, LOG_FORMAT_OUTDATED)' },
  message: TEXT,
  details: { type: 'object' },
});

// The network statistics fed by Kafka report their consumer group's lag too: an entry may say more.
const PROJECTION_LAG: JsonSchema = {
  type: 'object',
  properties: { projection: TEXT, generation: INTEGER, checkpoint: INTEGER, head: INTEGER, eventsBehind: INTEGER, msBehind: INTEGER },
  required: ['projection'],
};

export const HEALTH: JsonSchema = record({
  status: oneOfValues(['ok', 'degraded']),
  profile: record({
    eventLog: oneOfValues(['sqlite', 'eventstoredb', 'in-memory']),
    readModels: oneOfValues(['sqlite', 'mongodb', 'in-memory']),
    networkStatistics: oneOfValues(['log', 'kafka']),
  }),
  eventLog: record({ headPosition: INTEGER }),
  projections: list(PROJECTION_LAG),
  problems: list(PROBLEM, 'empty when status is ok'),
});

/** What an anonymous probe reads: the status only, nothing that helps an attacker. */
export const HEALTH_STATUS: JsonSchema = record({ status: oneOfValues(['ok', 'degraded']) }, 'Without credentials allowed to read the details (a network admin or auditor)');

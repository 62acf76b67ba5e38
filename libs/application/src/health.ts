import type { IntegrityProblem } from '../../event-store';
import type { LogBehindCheckpoint } from './projector/projector';
import type { Quarantined } from './projector/quarantine';

/** Something an operator must look at, as /api/health and the CLI report it: `code` is stable. */
export interface HealthProblem {
  code: 'EVENT_QUARANTINED' | LogBehindCheckpoint['code'] | IntegrityProblem['code'];
  message: string;
  details: Record<string, unknown>;
}

export const quarantineProblem = (q: Quarantined): HealthProblem => ({
  code: 'EVENT_QUARANTINED',
  message:
    `${q.projection} could not apply event ${q.position} (${q.eventType}, stream ${q.streamId}) of CAE ${q.caeId}: ${q.error}. ` +
    `That CAE's read model in ${q.projection} stops there (${q.held} later event${q.held === 1 ? '' : 's'} held); ` +
    `once the cause is fixed, run: npm run cli -- quarantine retry ${q.projection}`,
  details: { ...q },
});

/** The problems of the log, of the projector and of every projection, in that order; none: healthy. */
export const gatherProblems = async (sources: {
  integrity: () => Promise<IntegrityProblem[]>;
  projector: () => Promise<LogBehindCheckpoint[]>;
  quarantined: () => Promise<Quarantined[]>;
}): Promise<HealthProblem[]> => [
  ...(await sources.integrity()).map((problem) => ({ ...problem, details: problem.details ?? {} })),
  ...(await sources.projector()),
  ...(await sources.quarantined()).map(quarantineProblem),
];

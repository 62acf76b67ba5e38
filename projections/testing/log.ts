import { NETWORK_SCOPE, occurredOn, streamOf, type DomainEvent } from '../../libs/domain';
import type { ProjectedEvent } from '../projection';

/** The day events without a business date (a CAE's registration) are recorded on in specs. */
export const RECORDED_ON = '2016-01-01';

/** Events as the log delivers them to projections: positions 1, 2, 3…, each in its own stream (revisions from 0), dated. */
export const logOf = (events: readonly DomainEvent[]): ProjectedEvent[] => {
  const revisions = new Map<string, number>();
  return events.map((event, i) => {
    const streamId = streamOf(event);
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    return { ...event, position: i + 1, streamId, revision, caeId: 'caeId' in event.data ? event.data.caeId : NETWORK_SCOPE, occurredOn: occurredOn(event) ?? RECORDED_ON };
  });
};

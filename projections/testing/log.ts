import { accessStream, associateStream, caeStream, entrepreneurStream, invoiceSeriesStream, occurredOn, seriesYearOf, type DomainEvent } from '../../libs/domain';
import type { ProjectedEvent } from '../projection';

/** The day events without a business date (a CAE's registration) are recorded on in specs. */
export const RECORDED_ON = '2016-01-01';

/** The stream the command side appends an event to (its aggregate's). */
const streamOf = (event: DomainEvent): string => {
  const data = event.data;
  if ('accountId' in data) return accessStream(data.caeId, data.accountId);
  if ('associateId' in data) return associateStream(data.caeId, data.associateId);
  if (event.type === 'InvoiceNumberAssigned') return invoiceSeriesStream(event.data.caeId, seriesYearOf(event.data.number));
  if ('entrepreneurId' in data && data.entrepreneurId !== undefined) return entrepreneurStream(data.caeId, data.entrepreneurId);
  return caeStream(data.caeId);
};

/** Events as the log delivers them to projections: positions 1, 2, 3…, each stream's revisions counted, dated. */
export const logOf = (events: readonly DomainEvent[]): ProjectedEvent[] => {
  const revisions = new Map<string, number>();
  return events.map((event, i) => {
    const streamId = streamOf(event);
    const revision = (revisions.get(streamId) ?? 0) + 1;
    revisions.set(streamId, revision);
    return { ...event, position: i + 1, streamId, revision, caeId: event.data.caeId, occurredOn: occurredOn(event) ?? RECORDED_ON };
  });
};

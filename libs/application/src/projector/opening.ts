import { upcast } from '../../../domain';
import type { RecordedEvent } from '../../../event-store';
import { SealedValueTamperedError, type PersonalDataVault } from '../../../personal-data';
import type { ProjectedEvent } from '../../../../projections/projection';
import { openPersonalFields } from '../sealing';

/** An event that could not be opened for projections: unknown type or schema version, altered personal data. */
export interface UnopenedEvent {
  unopened: string;
  type: string;
  position: number;
  streamId: string;
  caeId: string;
}

export type IncomingEvent = ProjectedEvent | UnopenedEvent;

const MAX_ERROR_LENGTH = 1000;

/** An error as the quarantine records it: its message, shortened. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);

export const isUnopened = (event: IncomingEvent): event is UnopenedEvent => 'unopened' in event;

/** A stored event as projections see it: upcast to the current schema, personal data opened (or `[forgotten]`). */
export const toProjectedEvent = async (recorded: RecordedEvent, vault: PersonalDataVault): Promise<ProjectedEvent> => {
  const event = upcast(recorded.type, recorded.schemaVersion, recorded.data);
  const data = await openPersonalFields(event.type, event.data as unknown as Record<string, unknown>, vault);
  // Opened data has the event's declared shape, with '[forgotten]' where a person's key was destroyed.
  return { ...event, data, position: recorded.position, revision: recorded.revision, streamId: recorded.streamId, caeId: recorded.metadata.caeId, occurredOn: recorded.metadata.occurredOn } as unknown as ProjectedEvent;
};

/**
 * The event opened, or, when it can never be (no upcaster, altered personal data), the reason. Any other failure
 * (the key store unreachable, say) is thrown: the batch is then retried, nothing is quarantined for a passing fault.
 */
export const openForProjection = async (recorded: RecordedEvent, vault: PersonalDataVault): Promise<IncomingEvent> => {
  const unopened = (error: unknown): UnopenedEvent => ({
    unopened: messageOf(error),
    type: recorded.type,
    position: recorded.position,
    streamId: recorded.streamId,
    caeId: recorded.metadata.caeId,
  });
  try {
    upcast(recorded.type, recorded.schemaVersion, recorded.data);
  } catch (error) {
    return unopened(error);
  }
  try {
    return await toProjectedEvent(recorded, vault);
  } catch (error) {
    if (error instanceof SealedValueTamperedError) return unopened(error);
    throw error;
  }
};

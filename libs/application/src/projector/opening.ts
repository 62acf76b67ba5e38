import { upcast, type DomainEvent } from '../../../domain';
import type { RecordedEvent } from '../../../event-store';
import { SealedValueTamperedError, type PersonalDataVault } from '../../../personal-data';
import type { ProjectedEvent } from '../../../../projections/projection';
import { holdsSealedFields, openPersonalFields } from '../sealing';

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
  return placed(recorded, event.type, await openPersonalFields(event.type, event.data as unknown as Record<string, unknown>, vault));
};

// Opened data has the event's declared shape, with '[forgotten]' where a person's key was destroyed.
const placed = (recorded: RecordedEvent, type: string, data: Record<string, unknown>): ProjectedEvent =>
  ({ type, data, position: recorded.position, revision: recorded.revision, streamId: recorded.streamId, caeId: recorded.metadata.caeId, occurredOn: recorded.metadata.occurredOn }) as unknown as ProjectedEvent;

const unopened = (recorded: RecordedEvent, error: unknown): UnopenedEvent => ({
  unopened: messageOf(error),
  type: recorded.type,
  position: recorded.position,
  streamId: recorded.streamId,
  caeId: recorded.metadata.caeId,
});

/** The event opened when that needs no vault (no upcaster: unopened; no sealed field: as it is), else undefined. */
const openedWithoutVault = (recorded: RecordedEvent): IncomingEvent | undefined => {
  let event: DomainEvent;
  try {
    event = upcast(recorded.type, recorded.schemaVersion, recorded.data);
  } catch (error) {
    return unopened(recorded, error);
  }
  const data = event.data as unknown as Record<string, unknown>;
  return holdsSealedFields(event.type, data) ? undefined : placed(recorded, event.type, data);
};

/**
 * The event opened, or, when it can never be (no upcaster, altered personal data), the reason. Any other failure
 * (the key store unreachable, say) is thrown: the batch is then retried, nothing is quarantined for a passing fault.
 */
export const openForProjection = async (recorded: RecordedEvent, vault: PersonalDataVault): Promise<IncomingEvent> => {
  const opened = openedWithoutVault(recorded);
  if (opened !== undefined) return opened;
  try {
    return await toProjectedEvent(recorded, vault);
  } catch (error) {
    if (error instanceof SealedValueTamperedError) return unopened(recorded, error);
    throw error;
  }
};

/** A page opened for projections, in order, with each event's stream revision: only events holding personal data wait on the vault. */
export const openPage = async (page: readonly RecordedEvent[], vault: PersonalDataVault): Promise<{ event: IncomingEvent; revision: number }[]> => {
  const opened: { event: IncomingEvent; revision: number }[] = [];
  for (const recorded of page) opened.push({ event: openedWithoutVault(recorded) ?? (await openForProjection(recorded, vault)), revision: recorded.revision });
  return opened;
};

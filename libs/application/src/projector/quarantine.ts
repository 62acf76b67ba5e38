import type { ReadStore } from '../../../read-store';
import type { Doc, DocRef, DocUpdate, Projection, ProjectedEvent } from '../../../../projections/projection';
import { applyDeclared, keyOf } from './declared-documents';
import { isUnopened, messageOf, type IncomingEvent } from './opening';

export { openForProjection, toProjectedEvent, type IncomingEvent, type UnopenedEvent } from './opening';

/**
 * Faults stay where they are. An event a projection cannot apply (its documentsFor or apply throws, or the event
 * cannot be opened at all) is quarantined for that projection, and the same CAE's later events in it are held
 * behind it, so that CAE's read model stops at the fault instead of going on half-wrong; every other CAE goes on.
 *
 * The quarantine lives in the projection's own generation, in the reserved collection `quarantine` (one document
 * per CAE held), written by the same batch as the documents: atomic with them, replayed idempotently with them,
 * and rebuilt blue/green with them, so a rebuild with fixed code starts with none. Both projectors (the log's and
 * the Kafka feed's) apply events through QuarantiningProjection.
 */
export const QUARANTINE = 'quarantine';

/** What an operator needs to know of a CAE held in a projection. */
export interface Quarantined {
  projection: string;
  caeId: string;
  /** The event that could not be applied. */
  position: number;
  streamId: string;
  eventType: string;
  error: string;
  /** The CAE's later events held back behind it, and the position of the last of them. */
  held: number;
  lastHeldPosition: number | null;
}

/** The documents an event concerns in a projection, or why it cannot be projected. */
export interface PlannedEvent {
  /** Everything to read for it: the projection's documents and, when there are any, the CAE's quarantine. */
  refs: DocRef[];
  /** The projection's own documents. */
  inner: DocRef[];
  fault?: string;
}

/** A projection applied so that a throwing event is quarantined instead of failing the batch. */
export class QuarantiningProjection {
  constructor(
    readonly projection: Projection,
    private readonly onQuarantine: (quarantined: Quarantined) => void = (q) =>
      console.warn(`${q.projection}: event ${q.position} (${q.eventType}) of CAE ${q.caeId} quarantined: ${q.error}`),
  ) {
    if (projection.collections.includes(QUARANTINE)) throw new Error(`Projection ${projection.name}: the collection "${QUARANTINE}" is reserved`);
  }

  get name(): string {
    return this.projection.name;
  }

  plan(event: IncomingEvent): PlannedEvent {
    const quarantine = { collection: QUARANTINE, id: event.caeId };
    if (isUnopened(event)) return { refs: [quarantine], inner: [], fault: event.unopened };
    try {
      const inner = this.projection.documentsFor(event);
      // An event that concerns none of the projection's documents is neither applied nor held.
      return { refs: inner.length > 0 ? [...inner, quarantine] : [], inner };
    } catch (error) {
      return { refs: [quarantine], inner: [], fault: messageOf(error) };
    }
  }

  /**
   * The documents the event changes, given each declared document's current state: the projection's updates,
   * or the CAE's quarantine document when the event fails or its CAE is already held behind an earlier fault.
   * `applied` is false when the projection's documents did not take the event (held, or quarantined).
   */
  apply(event: IncomingEvent, plan: PlannedEvent, get: (key: string) => Doc | undefined): Applied {
    if (plan.refs.length === 0) return { updates: [], applied: true };
    const key = keyOf({ collection: QUARANTINE, id: event.caeId });
    const record = (doc: Quarantined): Applied => ({ updates: [{ collection: QUARANTINE, id: event.caeId, key, doc: { ...doc } as unknown as Doc }], applied: false });
    const held = get(key) as unknown as Quarantined | undefined;
    // Compared by position, not by presence: a batch replayed over its own quarantine still applies what came first.
    if (held !== undefined && held.position < event.position)
      return record({ ...held, held: held.held + 1, lastHeldPosition: Math.max(held.lastHeldPosition ?? 0, event.position) });
    if (held !== undefined && held.position === event.position) return { updates: [], applied: false };
    let fault = plan.fault;
    if (fault === undefined) {
      try {
        return { updates: applyDeclared(this.projection, event as ProjectedEvent, plan.inner, get), applied: true };
      } catch (error) {
        fault = messageOf(error);
      }
    }
    const quarantined: Quarantined = {
      projection: this.projection.name,
      caeId: event.caeId,
      position: event.position,
      streamId: event.streamId,
      eventType: event.type,
      error: fault,
      held: 0,
      lastHeldPosition: null,
    };
    this.onQuarantine(quarantined);
    return record(quarantined);
  }
}

/** What one event did to a projection's documents. */
export interface Applied {
  updates: (DocUpdate & { key: string })[];
  applied: boolean;
}

/** The quarantined events of a generation, by CAE. */
export const quarantinedIn = async (readStore: ReadStore, projection: string, generation: number): Promise<Quarantined[]> => {
  const docs = await readStore.list({ projection, generation }, QUARANTINE);
  return docs.map(({ doc }) => {
    const { caeId, position, streamId, eventType, error, held, lastHeldPosition } = doc as unknown as Quarantined;
    return { projection, caeId, position, streamId, eventType, error, held, lastHeldPosition };
  });
};

/** The quarantined events of a projection's active generation (what queries serve). */
export const quarantinedEvents = async (readStore: ReadStore, projection: string): Promise<Quarantined[]> => {
  const { activeGeneration } = await readStore.status(projection);
  return activeGeneration === undefined ? [] : quarantinedIn(readStore, projection, activeGeneration);
};

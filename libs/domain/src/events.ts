import { ACCESS_EVENTS, type AccessEvents } from './access/events';
import { ACCOMPANIMENT_EVENTS, type AccompanimentEvents } from './accompaniment/events';
import { ACTIVITY_ACCOUNT_EVENTS, type ActivityAccountEvents } from './activity-account/events';
import { CAE_EVENTS, type CaeEvents } from './cae/events';
import { CAPE_EVENTS, type CapeEvents } from './cape/events';
import { CESA_EVENTS, type CesaEvents } from './cesa/events';
import { CLIENT_EVENTS, type ClientEvents } from './clients/events';
import { ENTREPRENEUR_EVENTS, type EntrepreneurEvents } from './entrepreneur/events';
import type { EventDeclaration, EventDeclarations } from './event-declaration';
import { FORGETTING_EVENTS, type ForgettingEvents } from './forgetting/events';
import { INVOICING_EVENTS, type InvoicingEvents } from './invoicing/events';
import { LABEL_EVENTS, type LabelEvents } from './label/events';
import { MEMBERSHIP_EVENTS, type MembershipEvents } from './membership/events';
import type { IsoDate } from './values';

/**
 * The facts of a CAE, each declared in its slice. Amounts are decimal strings computed by the deciders (totals,
 * rounding, deadlines are carried in the events, so projections and auditors never recompute a rule).
 * Fields typed `Person`/`AssociatePerson`/`IndividualClient` are personal data: the application seals them
 * (per-person AES-256-GCM) before they reach the log; see personal-data.ts.
 */
export type * from './cae/events';
export type * from './accompaniment/events';
export type * from './entrepreneur/events';
export type * from './cape/events';
export type * from './cesa/events';
export type * from './clients/events';
export type * from './invoicing/events';
export type * from './activity-account/events';
export type * from './membership/events';
export type * from './forgetting/events';
export type * from './access/events';
export type * from './label/events';

export interface EventDataByType
  extends CaeEvents,
    AccompanimentEvents,
    EntrepreneurEvents,
    CapeEvents,
    CesaEvents,
    ClientEvents,
    InvoicingEvents,
    ActivityAccountEvents,
    MembershipEvents,
    ForgettingEvents,
    AccessEvents,
    LabelEvents {}

export type EventType = keyof EventDataByType;

export type DomainEvent = { [T in EventType]: { type: T; data: EventDataByType[T] } }[EventType];

export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** Every event type's declaration; a type left undeclared fails to compile here. */
const EVENTS: EventDeclarations<EventDataByType> = {
  ...CAE_EVENTS,
  ...ACCOMPANIMENT_EVENTS,
  ...ENTREPRENEUR_EVENTS,
  ...CAPE_EVENTS,
  ...CESA_EVENTS,
  ...CLIENT_EVENTS,
  ...INVOICING_EVENTS,
  ...ACTIVITY_ACCOUNT_EVENTS,
  ...MEMBERSHIP_EVENTS,
  ...FORGETTING_EVENTS,
  ...ACCESS_EVENTS,
  ...LABEL_EVENTS,
};

// Each type is paired with its own declaration; TypeScript cannot follow the pairing through a lookup.
const declarationOf = (event: DomainEvent) => EVENTS[event.type] as EventDeclaration<DomainEvent['data']>;

/** Current schema version of every event type; upcasters (upcasters.ts) bring older shapes up to it. */
export const SCHEMA_VERSION = Object.fromEntries(Object.entries(EVENTS).map(([type, d]) => [type, d.schemaVersion])) as Record<EventType, number>;

/** The business date of each event: what statistics count by (none for a CAE's registration). */
export const occurredOn = (event: DomainEvent): IsoDate | undefined => declarationOf(event).occurredOn(event.data);

/** The stream an event is appended to. */
export const streamOf = (event: DomainEvent): string => declarationOf(event).stream(event.data);

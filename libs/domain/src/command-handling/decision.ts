import type { AccessState } from '../access/state';
import type { CaeState } from '../cae/state';
import type { ClientState } from '../clients/state';
import type { EntrepreneurState } from '../entrepreneur/state';
import { refuse, type Result } from '../errors';
import type { DomainEvent, InvoiceNumberAssigned } from '../events';
import type { PersonKind } from '../forgetting/commands';
import type { InvoiceSeriesState } from '../invoicing/series';
import type { AssociateState } from '../membership/state';
import type { Nothing } from '../validation/results';
import type { IsoDate } from '../values';

/** Everything a command is decided against, loaded from the streams its plan names (define-command.ts). */
export interface DecisionState {
  cae: CaeState;
  entrepreneur?: EntrepreneurState;
  /** The series that receives a new document number (the year of the issue date). */
  series?: InvoiceSeriesState;
  associate?: AssociateState;
  access?: AccessState;
  client?: ClientState;
  /** The invoice a payment or a credit note refers to, as registered in its series. */
  document?: Pick<InvoiceNumberAssigned, 'document' | 'entrepreneurId'>;
}

export interface DecisionContext {
  /** Today's date, for facts that have no business date of their own (a CAE's registration, an erasure). */
  today: IsoDate;
}

export interface PlannedEvent {
  streamId: string;
  event: DomainEvent;
}

export interface Decision<R = Record<string, unknown>> {
  events: PlannedEvent[];
  /** What the client is told besides the events (an invoice number, totals…): its command's declared `result`. */
  result: R;
}

export type Decided<R = Record<string, unknown>> = Result<Decision<R>>;

/** Accepted, with nothing to add. */
export function decided(events: PlannedEvent[]): Decided<Nothing>;
/** Accepted, with the result the decider's return type declares: a field missing, extra or mistyped does not compile. */
export function decided<R>(events: PlannedEvent[], result: NoInfer<R>): Decided<R>;
export function decided(events: PlannedEvent[], result: unknown = {}): Decided<unknown> {
  return { ok: true, value: { events, result } };
}

export const caeNotFound = (caeId: string) => refuse('NOT_FOUND', `CAE "${caeId}" is not registered.`, { caeId });

export const entrepreneurNotFound = (caeId: string, entrepreneurId: string) =>
  refuse('NOT_FOUND', `Entrepreneur "${entrepreneurId}" is not known in CAE "${caeId}".`, { caeId, entrepreneurId });

/** A forgotten person's id never carries personal data again: a second erasure, or new data under it, is refused. */
export const alreadyForgotten = (kind: PersonKind, id: string, forgottenOn: IsoDate) =>
  refuse('PERSON_ALREADY_FORGOTTEN', `The ${kind} "${id}" was forgotten on ${forgottenOn}: no personal data can be recorded under this id again (use a new id).`, {
    kind,
    personId: id,
    forgottenOn,
  });

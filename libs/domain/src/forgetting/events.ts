import type { IsoDate } from '../values';
import type { PersonKind } from './commands';
import { inCaeStream, type EventDeclarations } from '../event-declaration';

export interface PersonForgotten {
  caeId: string;
  kind: PersonKind;
  /** The id within its kind (an invoice number for a private client). */
  personId: string;
  forgottenOn: IsoDate;
}

export interface ForgettingEvents {
  PersonForgotten: PersonForgotten;
}

export const FORGETTING_EVENTS: EventDeclarations<ForgettingEvents> = {
  PersonForgotten: { schemaVersion: 1, stream: inCaeStream, occurredOn: (d) => d.forgottenOn },
};

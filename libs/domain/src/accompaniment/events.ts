import type { DecimalString, IsoDate } from '../values';
import type { MeetingKind } from './commands';
import { inCaeStream, inEntrepreneurStream, type EventDeclarations } from '../event-declaration';

export interface InformationSessionRecorded {
  caeId: string;
  heldOn: IsoDate;
  attendees: number;
}

export interface IntakeInterviewRecorded {
  caeId: string;
  heldOn: IsoDate;
}

export interface MeetingRecorded {
  caeId: string;
  entrepreneurId: string;
  heldOn: IsoDate;
  kind: MeetingKind;
  hours: DecimalString;
  /** Sealed: free text about the person. */
  notes?: string;
}

export interface AccompanimentEvents {
  InformationSessionRecorded: InformationSessionRecorded;
  IntakeInterviewRecorded: IntakeInterviewRecorded;
  MeetingRecorded: MeetingRecorded;
}

export const ACCOMPANIMENT_EVENTS: EventDeclarations<AccompanimentEvents> = {
  InformationSessionRecorded: { schemaVersion: 1, stream: inCaeStream, occurredOn: (d) => d.heldOn },
  IntakeInterviewRecorded: { schemaVersion: 1, stream: inCaeStream, occurredOn: (d) => d.heldOn },
  MeetingRecorded: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.heldOn },
};

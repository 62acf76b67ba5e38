import type { Person } from '../persons';
import type { IsoDate } from '../values';
import type { ExitReason, SituationAtEntry } from './commands';
import { inEntrepreneurStream, type EventDeclarations } from '../event-declaration';

/** Personal profile of an entrepreneur, sealed in the log. */
export interface EntrepreneurProfile extends Person {
  situationAtEntry: SituationAtEntry;
  parallelActivity: boolean;
}

export interface EntrepreneurIntegrated {
  caeId: string;
  entrepreneurId: string;
  integratedOn: IsoDate;
  /** 1 for a first integration, 2 for a first return… */
  integration: number;
  /** The description is sealed (free text about the person); the sector stays in clear. */
  activity: { description: string; sector: string };
  profile: EntrepreneurProfile;
}

export interface EntrepreneurExited {
  caeId: string;
  entrepreneurId: string;
  exitedOn: IsoDate;
  reason: ExitReason;
  positive: boolean;
  /** Every contract in force ends with the exit. */
  endedContracts: ('cape' | 'cesa')[];
}

export interface EntrepreneurEvents {
  EntrepreneurIntegrated: EntrepreneurIntegrated;
  EntrepreneurExited: EntrepreneurExited;
}

export const ENTREPRENEUR_EVENTS: EventDeclarations<EntrepreneurEvents> = {
  EntrepreneurIntegrated: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.integratedOn },
  EntrepreneurExited: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.exitedOn },
};

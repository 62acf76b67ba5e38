import type { DecimalString, IsoDate } from '../values';
import type { ContributionPolicy, LegalForm, PayrollRates, RecordCaeIdentity } from './commands';
import { inCaeStream, type EventDeclarations } from '../event-declaration';

export interface CaeRegistered {
  caeId: string;
  name: string;
  legalForm: LegalForm;
  region: string;
  contribution: ContributionPolicy;
  shareNominalValue: DecimalString;
  payroll: PayrollRates;
}

export interface SubsidyRecorded {
  caeId: string;
  receivedOn: IsoDate;
  funder: string;
  amount: DecimalString;
}

/** The CAE's legal identity on its documents from effectiveOn (its address in clear: a company's, not a person's). */
export type CaeIdentityRecorded = RecordCaeIdentity;

export interface CaeEvents {
  CaeRegistered: CaeRegistered;
  SubsidyRecorded: SubsidyRecorded;
  CaeIdentityRecorded: CaeIdentityRecorded;
}

export const CAE_EVENTS: EventDeclarations<CaeEvents> = {
  CaeRegistered: { schemaVersion: 1, stream: inCaeStream, occurredOn: () => undefined },
  SubsidyRecorded: { schemaVersion: 1, stream: inCaeStream, occurredOn: (d) => d.receivedOn },
  CaeIdentityRecorded: { schemaVersion: 1, stream: inCaeStream, occurredOn: (d) => d.effectiveOn },
};

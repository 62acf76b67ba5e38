import type { DecimalString, IsoDate } from '../values';
import type { ContributionPolicy, LegalForm, PayrollRates } from './commands';
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

export interface CaeEvents {
  CaeRegistered: CaeRegistered;
  SubsidyRecorded: SubsidyRecorded;
}

export const CAE_EVENTS: EventDeclarations<CaeEvents> = {
  CaeRegistered: { schemaVersion: 1, stream: inCaeStream, occurredOn: () => undefined },
  SubsidyRecorded: { schemaVersion: 1, stream: inCaeStream, occurredOn: (d) => d.receivedOn },
};

import type { DecimalString, IsoDate } from '../values';
import { inEntrepreneurStream, type EventDeclarations } from '../event-declaration';

export interface CesaSigned {
  caeId: string;
  entrepreneurId: string;
  signedOn: IsoDate;
  fixedMonthlyGross?: DecimalString;
  /** Days spent under CAPE before the CESA (the CAPE in force, if any, ends the day before signedOn). */
  capeDays: number;
  /** signedOn + 3 years − CAPE time (C. trav. L7331-3). */
  associateDeadline: IsoDate;
  /** 8 months − CAPE time; absent when the CAPE time already covers it. */
  trialPeriodEndsOn?: IsoDate;
}

export interface CesaEvents {
  CesaSigned: CesaSigned;
}

export const CESA_EVENTS: EventDeclarations<CesaEvents> = {
  CesaSigned: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.signedOn },
};

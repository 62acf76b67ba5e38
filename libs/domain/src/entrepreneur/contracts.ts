import { addDays } from '../dates';
import type { CapeRenewed, CapeSigned } from '../cape/events';
import type { CesaSigned } from '../cesa/events';
import type { IsoDate } from '../values';

/** The entrepreneur's contracts of the current integration (a CAPE, then a CESA) and how their events change them. */

export interface Cape {
  firstSignedOn: IsoDate;
  lastSignedOn: IsoDate;
  /** Last day covered (inclusive). */
  endsOn: IsoDate;
  renewals: number;
  totalMonths: number;
}

export interface Cesa {
  signedOn: IsoDate;
  associateDeadline: IsoDate;
}

export const signedCape = (d: CapeSigned): Cape => ({
  firstSignedOn: d.signedOn,
  lastSignedOn: d.signedOn,
  endsOn: d.endsOn,
  renewals: 0,
  totalMonths: d.totalMonths,
});

export const renewedCape = (cape: Cape, d: CapeRenewed): Cape => ({
  ...cape,
  lastSignedOn: d.renewedOn,
  endsOn: d.endsOn,
  renewals: d.renewal,
  totalMonths: d.totalMonths,
});

/** A CESA ends the CAPE in force: its last day is the day before the CESA. */
export const capeEndedBy = (cape: Cape, d: CesaSigned): Cape => (cape.endsOn >= d.signedOn ? { ...cape, endsOn: addDays(d.signedOn, -1) } : cape);

export const signedCesa = (d: CesaSigned): Cesa => ({ signedOn: d.signedOn, associateDeadline: d.associateDeadline });

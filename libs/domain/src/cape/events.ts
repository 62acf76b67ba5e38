import type { IsoDate } from '../values';
import { inEntrepreneurStream, type EventDeclarations } from '../event-declaration';

export interface CapeSigned {
  caeId: string;
  entrepreneurId: string;
  signedOn: IsoDate;
  months: number;
  /** Last day of the contract (inclusive). */
  endsOn: IsoDate;
  totalMonths: number;
}

export interface CapeRenewed {
  caeId: string;
  entrepreneurId: string;
  renewedOn: IsoDate;
  months: number;
  /** 1 or 2: a CAPE is renewable twice. */
  renewal: number;
  previousEndsOn: IsoDate;
  endsOn: IsoDate;
  totalMonths: number;
}

export interface CapeEvents {
  CapeSigned: CapeSigned;
  CapeRenewed: CapeRenewed;
}

export const CAPE_EVENTS: EventDeclarations<CapeEvents> = {
  CapeSigned: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.signedOn },
  CapeRenewed: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.renewedOn },
};

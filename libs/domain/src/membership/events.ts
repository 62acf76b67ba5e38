import type { AssociatePerson } from '../persons';
import type { DecimalString, IsoDate } from '../values';
import type { AssociateCategory } from './commands';
import { inAssociateStream, type EventDeclarations } from '../event-declaration';

export interface AssociateAdmitted {
  caeId: string;
  associateId: string;
  admittedOn: IsoDate;
  category: AssociateCategory;
  shares: number;
  nominalValue: DecimalString;
  amount: DecimalString;
  entrepreneurId?: string;
  person?: AssociatePerson;
}

export interface SharesRedeemed {
  caeId: string;
  associateId: string;
  redeemedOn: IsoDate;
  shares: number;
  nominalValue: DecimalString;
  /** Repaid at nominal value. */
  amount: DecimalString;
  remainingShares: number;
  leftAssociation: boolean;
}

export interface MembershipEvents {
  AssociateAdmitted: AssociateAdmitted;
  SharesRedeemed: SharesRedeemed;
}

export const MEMBERSHIP_EVENTS: EventDeclarations<MembershipEvents> = {
  AssociateAdmitted: { schemaVersion: 1, stream: inAssociateStream, occurredOn: (d) => d.admittedOn },
  SharesRedeemed: { schemaVersion: 1, stream: inAssociateStream, occurredOn: (d) => d.redeemedOn },
};

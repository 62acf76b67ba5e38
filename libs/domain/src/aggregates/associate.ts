import type { AssociateCategory, IsoDate } from '../commands';
import type { DomainEvent } from '../events';

/** A member of the cooperative (sociétariat): one person, one vote, shares at nominal value. */
export interface AssociateState {
  shares: number;
  category?: AssociateCategory;
  admittedOn?: IsoDate;
  lastMovementOn?: IsoDate;
}

export const initialAssociateState = (): AssociateState => ({ shares: 0 });

export const evolveAssociate = (state: AssociateState, event: DomainEvent): AssociateState => {
  switch (event.type) {
    case 'AssociateAdmitted':
      return {
        shares: event.data.shares,
        category: event.data.category,
        admittedOn: event.data.admittedOn,
        lastMovementOn: event.data.admittedOn,
      };
    case 'SharesRedeemed':
      return { ...state, shares: event.data.remainingShares, lastMovementOn: event.data.redeemedOn };
    default:
      return state;
  }
};

import type { AssociateCategory, IsoDate } from '../commands';
import type { DomainEvent } from '../events';

/** A member of the cooperative (sociétariat): one person, one vote, shares at nominal value. */
export interface AssociateState {
  shares: number;
  category?: AssociateCategory;
  admittedOn?: IsoDate;
  lastMovementOn?: IsoDate;
  /** An admission brought the associate's own personal data (a staff or external associate). */
  holdsPersonalData?: true;
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
        ...(state.holdsPersonalData || event.data.person !== undefined ? { holdsPersonalData: true as const } : {}),
      };
    case 'SharesRedeemed':
      return { ...state, shares: event.data.remainingShares, lastMovementOn: event.data.redeemedOn };
    default:
      return state;
  }
};

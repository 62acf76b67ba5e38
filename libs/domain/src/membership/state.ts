import type { Fold } from '../command-handling/stream-reader';
import type { DomainEvent } from '../events';
import type { IsoDate } from '../values';
import type { AssociateCategory } from './commands';

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

/** The associate boundary: how an associate's stream folds. */
export const ASSOCIATE_FOLD: Fold<AssociateState> = { initial: initialAssociateState, evolve: evolveAssociate };

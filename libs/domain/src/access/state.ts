import type { Fold } from '../command-handling/stream-reader';
import type { DomainEvent } from '../events';
import type { IsoDate } from '../values';
import type { AccessRole, NetworkRole } from './commands';

/** One grant as the account's stream last recorded it (an entrepreneur's exit ends it on the read side only). */
export interface RecordedGrant {
  role: AccessRole | NetworkRole;
  entrepreneurId?: string;
  grantedOn: IsoDate;
}

/** One account's access in one CAE: its grants not revoked, by scope, and the date of its last fact. */
export interface AccessState {
  grants: Record<string, RecordedGrant>;
  lastFactOn?: IsoDate;
}

/** A grant's scope: the role, and for an entrepreneur the entrepreneur it reaches. */
export const scopeOf = (g: { role: AccessRole | NetworkRole; entrepreneurId?: string }): string => (g.role === 'entrepreneur' ? `entrepreneur/${g.entrepreneurId}` : g.role);

export const initialAccessState = (): AccessState => ({ grants: {} });

export const evolveAccess = (state: AccessState, event: DomainEvent): AccessState => {
  switch (event.type) {
    case 'AccessGranted':
    case 'NetworkRoleGranted': {
      const { role, grantedOn } = event.data;
      const entrepreneurId = 'entrepreneurId' in event.data ? event.data.entrepreneurId : undefined;
      const grant: RecordedGrant = { role, grantedOn, ...(entrepreneurId !== undefined && { entrepreneurId }) };
      return { grants: { ...state.grants, [scopeOf(grant)]: grant }, lastFactOn: grantedOn };
    }
    case 'AccessRevoked':
    case 'NetworkRoleRevoked': {
      const { [scopeOf(event.data)]: _revoked, ...kept } = state.grants;
      return { grants: kept, lastFactOn: event.data.revokedOn };
    }
    default:
      return state;
  }
};

/** The access boundary: how an account's stream in one CAE folds. */
export const ACCESS_FOLD: Fold<AccessState> = { initial: initialAccessState, evolve: evolveAccess };

import type { IsoDate } from '../values';
import type { AccessRole, NetworkRole, RevocationReason } from './commands';
import { inAccessStream, type EventDeclarations } from '../event-declaration';
import { accessStream, NETWORK_SCOPE } from '../streams';

export interface AccessGranted {
  caeId: string;
  accountId: string;
  role: AccessRole;
  entrepreneurId?: string;
  grantedOn: IsoDate;
}

export interface AccessRevoked {
  caeId: string;
  accountId: string;
  role: AccessRole;
  entrepreneurId?: string;
  revokedOn: IsoDate;
  reason?: RevocationReason;
}

export interface NetworkRoleGranted {
  accountId: string;
  role: NetworkRole;
  grantedOn: IsoDate;
}

export interface NetworkRoleRevoked {
  accountId: string;
  role: NetworkRole;
  revokedOn: IsoDate;
  reason?: RevocationReason;
}

export interface AccessEvents {
  AccessGranted: AccessGranted;
  AccessRevoked: AccessRevoked;
  NetworkRoleGranted: NetworkRoleGranted;
  NetworkRoleRevoked: NetworkRoleRevoked;
}

const inNetworkAccessStream = (data: { accountId: string }): string => accessStream(NETWORK_SCOPE, data.accountId);

export const ACCESS_EVENTS: EventDeclarations<AccessEvents> = {
  AccessGranted: { schemaVersion: 1, stream: inAccessStream, occurredOn: (d) => d.grantedOn },
  AccessRevoked: { schemaVersion: 1, stream: inAccessStream, occurredOn: (d) => d.revokedOn },
  NetworkRoleGranted: { schemaVersion: 1, stream: inNetworkAccessStream, occurredOn: (d) => d.grantedOn },
  NetworkRoleRevoked: { schemaVersion: 1, stream: inNetworkAccessStream, occurredOn: (d) => d.revokedOn },
};

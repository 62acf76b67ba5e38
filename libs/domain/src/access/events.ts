import type { IsoDate } from '../values';
import type { AccessRole, RevocationReason } from './commands';
import { inAccessStream, type EventDeclarations } from '../event-declaration';

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

export interface AccessEvents {
  AccessGranted: AccessGranted;
  AccessRevoked: AccessRevoked;
}

export const ACCESS_EVENTS: EventDeclarations<AccessEvents> = {
  AccessGranted: { schemaVersion: 1, stream: inAccessStream, occurredOn: (d) => d.grantedOn },
  AccessRevoked: { schemaVersion: 1, stream: inAccessStream, occurredOn: (d) => d.revokedOn },
};

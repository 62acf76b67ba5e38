import type { IsoDate } from '../../../domain';
import type { AuditEvent, AuditEventOf, AuditHistory } from '../rule';
import { eventsOf } from './events';

/** The registers of associates and share movements, read from the membership events. */

export type Movement = AuditEventOf<'AssociateAdmitted'> | AuditEventOf<'SharesRedeemed'>;

export const movementsOf = (history: AuditHistory): Movement[] => eventsOf(history, 'AssociateAdmitted', 'SharesRedeemed');

export const movementDate = (m: Movement): IsoDate => (m.type === 'AssociateAdmitted' ? m.data.admittedOn : m.data.redeemedOn);

/** Movements in the order of their dates (the log's order among movements of one day). */
export const byDate = (movements: readonly Movement[]): Movement[] =>
  [...movements].sort((a, b) => (movementDate(a) < movementDate(b) ? -1 : movementDate(a) > movementDate(b) ? 1 : a.position - b.position));

/** An associate as the register stands on a day: their latest admission, and the shares they hold. */
export interface Holding {
  associateId: string;
  admitted: AuditEventOf<'AssociateAdmitted'>;
  shares: number;
  /** The associate's movements up to the day, in date order. */
  movements: Movement[];
}

/** Who holds shares after every movement dated on or before the day (one share or more). */
export const holdingsOn = (movements: readonly Movement[], day: IsoDate): Holding[] => {
  const holdings = new Map<string, Holding>();
  for (const m of byDate(movements)) {
    if (movementDate(m) > day) break;
    const held = holdings.get(m.data.associateId);
    if (m.type === 'AssociateAdmitted') holdings.set(m.data.associateId, { associateId: m.data.associateId, admitted: m, shares: (held?.shares ?? 0) + m.data.shares, movements: [...(held?.movements ?? []), m] });
    else if (held) holdings.set(m.data.associateId, { ...held, shares: Math.max(0, held.shares - m.data.shares), movements: [...held.movements, m] });
  }
  return [...holdings.values()].filter((h) => h.shares > 0);
};

/** The days an entrepreneur held shares, as intervals [from, until) (until: the redemption that left none). */
export const membershipSpans = (movements: readonly Movement[], entrepreneurId: string): { from: IsoDate; until?: IsoDate; events: AuditEvent[] }[] => {
  const ids = new Set(movements.filter((m) => m.type === 'AssociateAdmitted' && m.data.entrepreneurId === entrepreneurId).map((m) => m.data.associateId));
  const spans: { from: IsoDate; until?: IsoDate; events: AuditEvent[] }[] = [];
  const open = new Map<string, { from: IsoDate; until?: IsoDate; events: AuditEvent[] }>();
  for (const m of byDate(movements)) {
    if (!ids.has(m.data.associateId)) continue;
    if (m.type === 'AssociateAdmitted') {
      if (m.data.entrepreneurId !== entrepreneurId) continue;
      const span = { from: m.data.admittedOn, events: [m as AuditEvent] };
      open.set(m.data.associateId, span);
      spans.push(span);
    } else if (m.data.leftAssociation) {
      const span = open.get(m.data.associateId);
      if (span) {
        span.until = m.data.redeemedOn;
        span.events.push(m);
        open.delete(m.data.associateId);
      }
    }
  }
  return spans;
};

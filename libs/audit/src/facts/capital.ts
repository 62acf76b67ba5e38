import type { IsoDate } from '../../../domain';
import type { AuditEvent, AuditHistory } from '../rule';
import { eventsOf } from './events';
import { holdingsOn, movementDate, movementsOf, type Holding } from './membership';
import { staysOf, underCesaOn, type Stay } from './stays';

/** The capital as it stood on one day it changed: who holds shares, and which of them are employees. */
export interface CapitalOn {
  day: IsoDate;
  holders: (Holding & { employee: boolean })[];
  totalShares: number;
  /** The events that changed it that day: share movements, and exits of entrepreneur associates. */
  changes: AuditEvent[];
}

/** Staff are employees; an entrepreneur associate is one while present under a CESA. */
const isEmployee = (holding: Holding, stays: readonly Stay[], day: IsoDate): boolean => {
  const { category, entrepreneurId } = holding.admitted.data;
  if (category === 'staff') return true;
  if (category !== 'entrepreneur' || entrepreneurId === undefined) return false;
  return stays.some((s) => s.entrepreneurId === entrepreneurId && underCesaOn(s, day));
};

/**
 * The capital on every day it changed, in date order: a share movement, or the exit of an entrepreneur associate
 * (their shares stay, but no longer an employee's). Capital is counted in shares: one nominal value per CAE.
 */
export const capitalChanges = (history: AuditHistory): CapitalOn[] => {
  const movements = movementsOf(history);
  const stays = staysOf(history);
  const associates = new Set(movements.flatMap((m) => (m.type === 'AssociateAdmitted' && m.data.entrepreneurId !== undefined ? [m.data.entrepreneurId] : [])));
  const exits = eventsOf(history, 'EntrepreneurExited').filter((e) => associates.has(e.data.entrepreneurId));
  const changes = new Map<IsoDate, AuditEvent[]>();
  for (const event of [...movements, ...exits]) {
    const day = event.type === 'EntrepreneurExited' ? event.data.exitedOn : movementDate(event);
    changes.set(day, [...(changes.get(day) ?? []), event]);
  }
  return [...changes.keys()].sort().map((day) => {
    const holders = holdingsOn(movements, day).map((h) => ({ ...h, employee: isEmployee(h, stays, day) }));
    return { day, holders, totalShares: holders.reduce((n, h) => n + h.shares, 0), changes: changes.get(day)!.sort((a, b) => a.position - b.position) };
  });
};

/** SCOP thresholds apply to a SCOP only (a SCIC has other rules): the CAE's legal form as registered. */
export const isScop = (history: AuditHistory): boolean => eventsOf(history, 'CaeRegistered').at(-1)?.data.legalForm !== 'SCIC';

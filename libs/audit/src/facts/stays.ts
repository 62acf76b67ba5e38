import { addDays, type IsoDate } from '../../../domain';
import type { AuditEvent, AuditEventOf, AuditHistory } from '../rule';

/**
 * An entrepreneur's stay in the CAE: from an integration to the next one, with its contracts and exit as the
 * entrepreneur's stream recorded them (log order), so that a return opens a new stay with new obligations.
 */
export interface Stay {
  entrepreneurId: string;
  integrated: AuditEventOf<'EntrepreneurIntegrated'>;
  capeSigned?: AuditEventOf<'CapeSigned'>;
  renewals: AuditEventOf<'CapeRenewed'>[];
  cesa?: AuditEventOf<'CesaSigned'>;
  exit?: AuditEventOf<'EntrepreneurExited'>;
  /** Every event of the entrepreneur's stream in the stay, the integration included, in log order. */
  events: AuditEvent[];
}

const entrepreneurOf = (event: AuditEvent): string | undefined =>
  event.streamId.startsWith('entrepreneur-') && 'entrepreneurId' in event.data ? event.data.entrepreneurId : undefined;

// Most rules start from the stays: made once per history (rules read them, never change them).
const made = new WeakMap<AuditHistory, readonly Stay[]>();

/** Every stay of every entrepreneur, in the order of their integrations; events before any integration are left out. */
export const staysOf = (history: AuditHistory): Stay[] => {
  let stays = made.get(history);
  if (stays === undefined) made.set(history, (stays = Object.freeze(makeStays(history))));
  return [...stays];
};

const makeStays = (history: AuditHistory): Stay[] => {
  const current = new Map<string, Stay>();
  const stays: Stay[] = [];
  for (const event of history.events) {
    const entrepreneurId = entrepreneurOf(event);
    if (entrepreneurId === undefined) continue;
    if (event.type === 'EntrepreneurIntegrated') {
      const stay: Stay = { entrepreneurId, integrated: event, renewals: [], events: [event] };
      current.set(entrepreneurId, stay);
      stays.push(stay);
      continue;
    }
    const stay = current.get(entrepreneurId);
    if (stay === undefined) continue;
    stay.events.push(event);
    if (event.type === 'CapeSigned') stay.capeSigned = event;
    else if (event.type === 'CapeRenewed') stay.renewals.push(event);
    else if (event.type === 'CesaSigned') stay.cesa = event;
    else if (event.type === 'EntrepreneurExited') stay.exit = event;
  }
  return stays;
};

/** The stay an entrepreneur's event belongs to: their last integration recorded before it. */
export const stayOf = (stays: readonly Stay[], entrepreneurId: string, position: number): Stay | undefined =>
  stays.filter((s) => s.entrepreneurId === entrepreneurId && s.integrated.position <= position).at(-1);

/** Present on day d: integrated on or before it, not exited (the exit day is the first day away). */
export const presentOn = (stay: Stay, d: IsoDate): boolean => stay.integrated.data.integratedOn <= d && (stay.exit === undefined || d < stay.exit.data.exitedOn);

/** The CAPE's last day as signed and renewed, before a CESA or an exit cut it short. */
export const capeLastDay = (stay: Stay): IsoDate | undefined => stay.renewals.at(-1)?.data.endsOn ?? stay.capeSigned?.data.endsOn;

/** The event that recorded the CAPE's current end: its last renewal, or its signature. */
export const capeLastEvent = (stay: Stay): AuditEvent | undefined => stay.renewals.at(-1) ?? stay.capeSigned;

/** Under a CESA on day d. */
export const underCesaOn = (stay: Stay, d: IsoDate): boolean => stay.cesa !== undefined && stay.cesa.data.signedOn <= d && presentOn(stay, d);

/** Under a CAPE on day d (a CESA ends it the day before it is signed). */
export const underCapeOn = (stay: Stay, d: IsoDate): boolean => {
  const last = capeLastDay(stay);
  if (stay.capeSigned === undefined || last === undefined || !presentOn(stay, d)) return false;
  const end = stay.cesa !== undefined && stay.cesa.data.signedOn <= last ? addDays(stay.cesa.data.signedOn, -1) : last;
  return stay.capeSigned.data.signedOn <= d && d <= end;
};

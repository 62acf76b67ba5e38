import type { AuditEvent, AuditHistory } from '../../../audit';
import type { IsoDate, KnownAt } from '../../../domain';
import type { EventStore } from '../../../event-store';
import type { PersonalDataVault } from '../../../personal-data';
import { datedAfter, viewOf } from '../as-of/replayer';
import { toProjectedEvent } from '../projector/opening';
import { checkedChain } from './cae-chain';

/** An audit's cut: the business date it is as of, and optionally the moment of the log it is as known at. */
export interface AuditCut {
  asOf: IsoDate;
  knownAt?: KnownAt;
}

/**
 * What the catalogue evaluates for a CAE: its events recorded up to the cut's moment, their chain checked from the
 * first (every one, whatever its date: the chain is the log's), those dated by the cut's day opened for the rules.
 * The head is the CAE's last event in the cut: what the report stands on. Undefined when the CAE has no event then.
 */
export async function auditHistoryOf(
  store: EventStore,
  vault: PersonalDataVault,
  caeId: string,
  cut: AuditCut,
): Promise<{ history: AuditHistory; head: { position: number; hash: string } } | undefined> {
  const view = viewOf(store, { caeId }, cut.knownAt === undefined ? {} : { knownAt: cut.knownAt });
  const events: AuditEvent[] = [];
  const problems: string[] = [];
  let head: { position: number; hash: string } | undefined;
  for await (const { event, linked } of checkedChain(view)) {
    if (!linked) problems.push(`position ${event.position}: the event's hash is not that of its content after the previous one`);
    head = { position: event.position, hash: event.hash };
    if (!datedAfter(event, cut.asOf)) events.push({ ...(await toProjectedEvent(event, vault)), eventId: event.eventId, hash: event.hash });
  }
  if (head === undefined) return undefined;
  return { history: { caeId, asOf: cut.asOf, events, chain: { intact: problems.length === 0, problems } }, head };
}

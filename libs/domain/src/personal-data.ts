import type { PersonKind } from './commands';
import type { EventType } from './events';

/**
 * The one name of a person in the key store, in sealed values and in erasures: `entrepreneur:p1`,
 * `associate:p1`, `client:2016-000001`. Ids never contain ":" (validation), so two people never share one.
 * An entrepreneur's id is their entrepreneurId; an associate's their associateId (non-entrepreneur associates
 * only: an entrepreneur associate's data is the entrepreneur's); a private client's the invoice number.
 */
export const personKey = (kind: PersonKind, id: string): string => {
  // A programming error, not input: every id reaching here passed validation.
  if (id.length === 0 || id.includes(':')) throw new Error(`Not a person id: ${JSON.stringify(id)}`);
  return `${kind}:${id}`;
};

/**
 * Where personal data sits in events, and whose it is. The application seals these fields with the person's
 * key before appending (the log never holds them in clear) and opens them for projections and exports.
 */
export interface PersonalField {
  /** Path of the field inside the event's data. */
  path: readonly string[];
  kind: PersonKind;
  /** The person's id within their kind. */
  id: (data: Record<string, unknown>) => string;
}

const entrepreneurId = (d: Record<string, unknown>): string => String(d['entrepreneurId']);

export const PERSONAL_FIELDS: Partial<Record<EventType, readonly PersonalField[]>> = {
  EntrepreneurIntegrated: [
    { path: ['profile'], kind: 'entrepreneur', id: entrepreneurId },
    // Free text that often names the person ("Graphisme — Jeanne Dupont"); the sector stays in clear for statistics.
    { path: ['activity', 'description'], kind: 'entrepreneur', id: entrepreneurId },
  ],
  MeetingRecorded: [{ path: ['notes'], kind: 'entrepreneur', id: entrepreneurId }],
  AssociateAdmitted: [{ path: ['person'], kind: 'associate', id: (d) => String(d['associateId']) }],
  // A directory client's data is sealed under its clientId; its invoices copy it sealed (or an inline client's under the invoice number).
  ClientRegistered: [{ path: ['client', 'individual'], kind: 'client', id: (d) => String(d['clientId']) }],
  InvoiceIssued: [{ path: ['client', 'individual'], kind: 'client', id: (d) => String((d['client'] as { clientId?: string }).clientId ?? d['number']) }],
  QuoteIssued: [{ path: ['client', 'individual'], kind: 'client', id: (d) => String((d['client'] as { clientId?: string }).clientId ?? d['number']) }],
};

/** The key of the person a field belongs to, in an event's data. */
export const personKeyOf = (field: PersonalField, data: Record<string, unknown>): string => personKey(field.kind, field.id(data));

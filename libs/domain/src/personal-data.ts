import type { EventType } from './events';

/**
 * Where personal data sits in events, and whose it is. The application seals these fields with the person's
 * key before appending (the log never holds them in clear) and opens them for projections and exports.
 * An entrepreneur's person is their entrepreneurId; a non-entrepreneur associate's is their associateId;
 * a private client's is `client-{invoice number}`.
 */
export interface PersonalField {
  /** Path of the field inside the event's data. */
  path: readonly string[];
  personId: (data: Record<string, unknown>) => string;
}

export const PERSONAL_FIELDS: Partial<Record<EventType, readonly PersonalField[]>> = {
  EntrepreneurIntegrated: [{ path: ['profile'], personId: (d) => String(d['entrepreneurId']) }],
  AssociateAdmitted: [{ path: ['person'], personId: (d) => String(d['associateId']) }],
  InvoiceIssued: [{ path: ['client', 'individual'], personId: (d) => `client-${String(d['number'])}` }],
};

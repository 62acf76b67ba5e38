import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { refuse } from '../errors';
import { entrepreneurStream } from '../streams';
import type { Nothing } from '../validation/results';
import type { RecordPlatformStatus } from './commands';
import { referencedInvoice } from './referenced-invoice';

/**
 * The life of an invoice on an e-invoicing platform (plateforme agréée), in the French lifecycle's statuses and their
 * codes (the reform's "statuts du cycle de vie"): recorded as the platform reports them, never inferred.
 */
export const PLATFORM_STATUS_CODES = {
  deposited: 200,
  issued_by_platform: 201,
  received_by_platform: 202,
  made_available: 203,
  taken_over: 204,
  approved: 205,
  partially_approved: 206,
  disputed: 207,
  suspended: 208,
  completed: 209,
  refused: 210,
  payment_sent: 211,
  cashed: 212,
  rejected: 213,
} as const;

export const recordPlatformStatus = (c: RecordPlatformStatus, s: DecisionState): Decided<Nothing> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const ref = referencedInvoice(c, s);
  if (!ref.ok) return ref;
  const { invoice, entrepreneurId } = ref;
  if (c.on < invoice.issuedOn) return refuse('DATE_OUT_OF_ORDER', `A platform status cannot predate invoice ${invoice.number} (issued ${invoice.issuedOn}).`, { invoiceIssuedOn: invoice.issuedOn });
  const { caeId, invoiceNumber, status, on, platform } = c;
  return decided([
    {
      streamId: entrepreneurStream(caeId, entrepreneurId),
      event: {
        type: 'InvoicePlatformStatusRecorded',
        data: {
          caeId,
          entrepreneurId,
          invoiceNumber,
          status,
          code: PLATFORM_STATUS_CODES[status],
          on,
          platform,
          ...(c.platformReference !== undefined && { platformReference: c.platformReference }),
          ...(c.reason !== undefined && { reason: c.reason }),
        },
      },
    },
  ]);
};

import { ASSOCIATE_CATEGORIES, CLIENT_KINDS, EXIT_REASONS, MEETING_KINDS, PLATFORM_STATUSES } from '../../../../libs/domain';
import { closedObject } from '../../../../libs/domain/src/validation/results';
import { BOOLEAN, COUNT, DATE, list, MONEY, nullable, oneOfValues, record, SHARE, DECIMAL, INTEGER, TEXT, type JsonSchema } from './json';

/** The answers of the registers, invoices and compliance routes (docs/api.md § Registers, § Invoices, § Compliance). */

// After ForgetPerson every personal field reads "[forgotten]": a birth year too, hence a string or an integer.
const FORGETTABLE_YEAR: JsonSchema = { oneOf: [INTEGER, TEXT] };
const ACTIVITY = record({ description: TEXT, sector: TEXT });
const line = (event: string, fields: Record<string, JsonSchema>) => record({ on: DATE, event: oneOfValues([event]), ...fields });

const HISTORY_LINE: JsonSchema = {
  oneOf: [
    line('integrated', { integration: COUNT, activity: ACTIVITY }),
    line('returned', { integration: COUNT, activity: ACTIVITY }),
    line('cape_signed', { months: COUNT, endsOn: DATE }),
    line('cape_renewed', { months: COUNT, renewal: COUNT, endsOn: DATE, totalMonths: COUNT }),
    line('cesa_signed', { associateDeadline: DATE, trialPeriodEndsOn: nullable(DATE) }),
    line('associate_admitted', { associateId: TEXT, shares: COUNT }),
    line('associate_left', { associateId: TEXT }),
    line('exited', { reason: oneOfValues(EXIT_REASONS), positive: BOOLEAN }),
  ],
};

const REGISTER_ENTRY = {
  entrepreneurId: TEXT,
  person: record({ firstName: TEXT, lastName: TEXT, gender: TEXT, birthYear: FORGETTABLE_YEAR, postalCode: nullable(TEXT), city: nullable(TEXT) }),
  activity: ACTIVITY,
  status: oneOfValues(['integrated', 'cape', 'cesa', 'associate', 'exited']),
  history: list(HISTORY_LINE),
};

export const ENTREPRENEURS_REGISTER: JsonSchema = record({
  caeId: TEXT,
  asOf: nullable(DATE),
  entrepreneurs: list(record(REGISTER_ENTRY), 'in order of first integration'),
});

/** GET /api/caes/{caeId}/entrepreneurs/{entrepreneurId}. */
export const ENTREPRENEUR_FILE: JsonSchema = record({
  caeId: TEXT,
  asOf: DATE,
  ...REGISTER_ENTRY,
  meetings: list(record({ heldOn: DATE, kind: oneOfValues(MEETING_KINDS), hours: DECIMAL }), 'every meeting and workshop, by date'),
  individualMeetings: { type: 'object', additionalProperties: COUNT, description: 'individual meetings (décret 2015-1363) by calendar year' },
});

export const ASSOCIATES_REGISTER: JsonSchema = record({
  caeId: TEXT,
  associates: list(
    record({
      associateId: TEXT,
      category: oneOfValues(ASSOCIATE_CATEGORIES),
      entrepreneurId: nullable(TEXT),
      name: { ...nullable(TEXT), description: '"firstName lastName", the organisation\'s name or the first form\'s name; null for an entrepreneur associate' },
      admittedOn: DATE,
      sharesSubscribed: COUNT,
      sharesHeld: COUNT,
      leftOn: nullable(DATE),
    }),
    'one line per admission, in order of admission',
  ),
});

export const SHARE_MOVEMENTS: JsonSchema = record({
  caeId: TEXT,
  nominalValue: MONEY,
  movements: list(
    record({
      on: DATE,
      kind: oneOfValues(['subscription', 'redemption']),
      associateId: TEXT,
      category: oneOfValues(ASSOCIATE_CATEGORIES),
      shares: COUNT,
      amount: MONEY,
      capitalAfter: record({ shares: COUNT, amount: MONEY }),
    }),
  ),
});

const totals = { totalExclVat: MONEY, totalVat: MONEY, totalInclVat: MONEY };
const cashLine = (dateField: string) => record({ [dateField]: DATE, amount: MONEY, amountExclVat: MONEY });

const ADDRESS = closedObject({ line1: TEXT, line2: TEXT, postalCode: TEXT, city: TEXT, country: TEXT }, ['line1', 'postalCode', 'city']);

export const CLIENTS_DIRECTORY: JsonSchema = record({
  caeId: TEXT,
  clients: list(
    record({
      clientId: TEXT,
      registeredOn: DATE,
      kind: oneOfValues(CLIENT_KINDS),
      name: TEXT,
      siren: nullable(TEXT),
      siret: nullable(TEXT),
      vatNumber: nullable(TEXT),
      address: { oneOf: [ADDRESS, { ...TEXT, description: '"[forgotten]"' }, { type: 'null' }] },
      chorusServiceCode: nullable(TEXT),
      email: nullable(TEXT),
    }),
    'sorted by clientId',
  ),
});

export const INVOICES: JsonSchema = record({
  caeId: TEXT,
  asOf: nullable(DATE),
  invoices: list(
    record({
      number: TEXT,
      issuedOn: DATE,
      dueOn: DATE,
      entrepreneurId: TEXT,
      client: record({ kind: oneOfValues(CLIENT_KINDS), name: TEXT, clientId: nullable(TEXT) }),
      ...totals,
      creditNotes: list(record({ number: TEXT, issuedOn: DATE, reason: TEXT, ...totals })),
      payments: list(cashLine('paidOn')),
      refunds: list(cashLine('refundedOn')),
      creditedInclVat: MONEY,
      paidInclVat: MONEY,
      refundedInclVat: MONEY,
      amountDue: MONEY,
      refundOwed: MONEY,
      status: oneOfValues(['paid', 'partially_paid', 'unpaid', 'credited', 'overdue', 'refund_due', 'refunded']),
      quoteNumber: nullable(TEXT),
      platformStatuses: list(
        record({ status: oneOfValues(PLATFORM_STATUSES), code: INTEGER, on: DATE, platform: TEXT, platformReference: nullable(TEXT), reason: nullable(TEXT) }),
        'as the e-invoicing platform reported them, in order: the last is where the invoice stands',
      ),
    }),
    'sorted by number',
  ),
  quotes: list(
    record({
      number: TEXT,
      issuedOn: DATE,
      validUntil: DATE,
      entrepreneurId: TEXT,
      client: record({ kind: oneOfValues(CLIENT_KINDS), name: TEXT, clientId: nullable(TEXT) }),
      ...totals,
      status: oneOfValues(['issued', 'accepted', 'declined']),
      answeredOn: nullable(DATE),
      reason: nullable(TEXT),
      invoices: list(TEXT, 'the invoices that followed it'),
    }),
    'sorted by number',
  ),
});

const check = (item: JsonSchema, extra: Record<string, JsonSchema> = {}) => record({ ...extra, ok: BOOLEAN, items: list(item) });
const threshold = (counts: Record<string, JsonSchema>) => record({ ...counts, employeeShare: SHARE, minimum: DECIMAL, ok: BOOLEAN });

export const COMPLIANCE: JsonSchema = record({
  caeId: TEXT,
  today: nullable(DATE),
  capes: check(record({ entrepreneurId: TEXT, endsOn: DATE, daysLeft: INTEGER, renewals: COUNT, totalMonths: COUNT, atLimit: BOOLEAN })),
  associateDeadlines: check(record({ entrepreneurId: TEXT, cesaSignedOn: DATE, associateDeadline: DATE, daysLeft: INTEGER, missed: BOOLEAN })),
  meetings: check(record({ entrepreneurId: TEXT, individualMeetings: COUNT }), { year: nullable(INTEGER) }),
  scop: nullable(
    record({
      capital: threshold({ totalShares: COUNT, employeeShares: COUNT }),
      votes: threshold({ associates: COUNT, employeeAssociates: COUNT }),
      majorityHolders: check(record({ associateId: TEXT, shares: COUNT, share: SHARE })),
    }),
  ),
});

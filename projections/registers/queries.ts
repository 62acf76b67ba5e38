import { Decimal, formatMoney, money, sum, ZERO, type AssociateCategory, type ClientKind, type IsoDate, type Money } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { statusOn, type Status } from './contracts';
import { docId, REGISTERS, type AssociateDoc, type ClientDoc, type ContractLine, type QuoteDoc, type CreditNoteLine, type EntrepreneurDoc, type InvoiceDoc, type MeetingLine, type PaymentLine, type PersonFields, type PlatformStatusLine, type RefundLine } from './documents';
import { byDateThenLog, caeOf, listOf, movementsInOrder } from './read';

// Every query answers undefined when the CAE is unknown.
export { compliance, type Compliance } from './compliance';

type AssociateLine = { on: IsoDate; position: number } & (
  | { event: 'associate_admitted'; associateId: string; shares: number }
  | { event: 'associate_left'; associateId: string }
);

/** The entrepreneur's stays in the association, as lines of their status history. */
const associateLines = (associates: AssociateDoc[], entrepreneurId: string): AssociateLine[] =>
  associates.flatMap((a) =>
    a.memberships
      .filter((m) => m.entrepreneurId === entrepreneurId)
      .flatMap((m): AssociateLine[] => [
        { on: m.admittedOn, position: m.admittedPosition, event: 'associate_admitted', associateId: a.associateId, shares: m.sharesSubscribed },
        ...(m.leftOn !== null && m.leftPosition !== null
          ? [{ on: m.leftOn, position: m.leftPosition, event: 'associate_left' as const, associateId: a.associateId }]
          : []),
      ]),
  );

/** Positions order the lines; they are not part of the register. */
type WithoutPosition<T> = T extends unknown ? Omit<T, 'position'> : never;
const withoutPosition = <T extends { position: number }>({ position: _position, ...line }: T): WithoutPosition<T> => line as WithoutPosition<T>;

export type HistoryLine = WithoutPosition<ContractLine | AssociateLine>;

/** One entrepreneur's entry in the register. */
export interface RegisterEntry {
  entrepreneurId: string;
  person: PersonFields;
  activity: { description: string; sector: string };
  status: Status;
  history: HistoryLine[];
}

export interface EntrepreneursRegister {
  caeId: string;
  asOf: IsoDate | null;
  entrepreneurs: RegisterEntry[];
}

/** Their entry with their status on `today` and their associate stays among its lines. */
const entryOf = (e: EntrepreneurDoc, associates: AssociateDoc[], today: IsoDate): RegisterEntry => ({
  entrepreneurId: e.entrepreneurId,
  person: e.person,
  activity: e.activity,
  status: statusOn(e, associates, today),
  history: [...e.history, ...associateLines(associates, e.entrepreneurId)]
    .sort(byDateThenLog((l) => l.on, (l) => l.position))
    .map((line) => withoutPosition<ContractLine | AssociateLine>(line)),
});

/** GET /api/caes/{caeId}/registers/entrepreneurs — in order of first integration. */
export const entrepreneursRegister = async (models: ReadModels, caeId: string): Promise<EntrepreneursRegister | undefined> => {
  const cae = await caeOf(models, caeId);
  if (!cae) return undefined;
  const associates = await listOf<AssociateDoc>(models, 'associates', caeId);
  const entrepreneurs = (await listOf<EntrepreneurDoc>(models, 'entrepreneurs', caeId)).sort(
    byDateThenLog((e) => e.firstIntegratedOn, (e) => e.firstPosition),
  );
  return {
    caeId,
    asOf: cae.lastBusinessDate,
    // Every entrepreneur has an integration, which dates the CAE: lastBusinessDate is set.
    entrepreneurs: entrepreneurs.map((e) => entryOf(e, associates, cae.lastBusinessDate!)),
  };
};

export interface EntrepreneurFile extends RegisterEntry {
  caeId: string;
  asOf: IsoDate;
  meetings: MeetingLine[];
  individualMeetings: Record<string, number>;
}

/** GET /api/caes/{caeId}/entrepreneurs/{entrepreneurId} — their register entry, their meetings and workshops. */
export const entrepreneurFile = async (models: ReadModels, caeId: string, entrepreneurId: string): Promise<EntrepreneurFile | undefined> => {
  const cae = await caeOf(models, caeId);
  const e = (await models.get(REGISTERS, 'entrepreneurs', docId(caeId, entrepreneurId))) as EntrepreneurDoc | undefined;
  if (!cae || !e) return undefined;
  const associates = await listOf<AssociateDoc>(models, 'associates', caeId);
  return {
    caeId,
    asOf: cae.lastBusinessDate!,
    ...entryOf(e, associates, cae.lastBusinessDate!),
    meetings: [...e.meetings].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0)),
    individualMeetings: e.individualMeetings,
  };
};

export interface AssociatesRegister {
  caeId: string;
  associates: {
    associateId: string;
    category: AssociateCategory;
    entrepreneurId: string | null;
    name: string | null;
    admittedOn: IsoDate;
    sharesSubscribed: number;
    sharesHeld: number;
    leftOn: IsoDate | null;
  }[];
}

/** GET /api/caes/{caeId}/registers/associates — one line per admission, in order of admission. */
export const associatesRegister = async (models: ReadModels, caeId: string): Promise<AssociatesRegister | undefined> => {
  if (!(await caeOf(models, caeId))) return undefined;
  const lines = (await listOf<AssociateDoc>(models, 'associates', caeId)).flatMap((a) =>
    a.memberships.map((m) => ({
      position: m.admittedPosition,
      associateId: a.associateId,
      category: m.category,
      entrepreneurId: m.entrepreneurId,
      name: m.category === 'entrepreneur' ? null : a.name,
      admittedOn: m.admittedOn,
      sharesSubscribed: m.sharesSubscribed,
      sharesHeld: m.leftOn === null ? a.shares : 0,
      leftOn: m.leftOn,
    })),
  );
  return { caeId, associates: lines.sort(byDateThenLog((l) => l.admittedOn, (l) => l.position)).map(withoutPosition) };
};

export interface ShareMovements {
  caeId: string;
  nominalValue: string;
  movements: {
    on: IsoDate;
    kind: 'subscription' | 'redemption';
    associateId: string;
    category: AssociateCategory;
    shares: number;
    amount: string;
    capitalAfter: { shares: number; amount: string };
  }[];
}

/** GET /api/caes/{caeId}/registers/share-movements — with the running capital after each movement. */
export const shareMovements = async (models: ReadModels, caeId: string): Promise<ShareMovements | undefined> => {
  const cae = await caeOf(models, caeId);
  if (!cae) return undefined;
  let shares = 0;
  let amount = ZERO;
  const movements = (await movementsInOrder(models, caeId)).map((m) => {
    const sign = m.kind === 'subscription' ? 1 : -1;
    shares += sign * m.shares;
    amount = amount.plus(money(m.amount).times(sign));
    return {
      on: m.on,
      kind: m.kind,
      associateId: m.associateId,
      category: m.category,
      shares: m.shares,
      amount: m.amount,
      capitalAfter: { shares, amount: formatMoney(amount) },
    };
  });
  return { caeId, nominalValue: cae.shareNominalValue, movements };
};

/** `refund_due`: credited beyond what remained unpaid, money is owed back to the client; `refunded`: settled by refunds. */
export type InvoiceStatus = 'paid' | 'partially_paid' | 'unpaid' | 'credited' | 'overdue' | 'refund_due' | 'refunded';

export interface InvoicesRegister {
  caeId: string;
  asOf: IsoDate | null;
  invoices: {
    number: string;
    issuedOn: IsoDate;
    dueOn: IsoDate;
    entrepreneurId: string;
    /** clientId: the directory's client the invoice names, or null (written inline). */
    client: { kind: ClientKind; name: string; clientId: string | null };
    totalExclVat: string;
    totalVat: string;
    totalInclVat: string;
    creditNotes: CreditNoteLine[];
    payments: PaymentLine[];
    refunds: RefundLine[];
    creditedInclVat: string;
    paidInclVat: string;
    refundedInclVat: string;
    /** Never negative: total − credited − paid, or 0.00 once credit notes exceed what remained unpaid. */
    amountDue: string;
    /** What the client is owed back: paid beyond the total net of credit notes, less the refunds made. */
    refundOwed: string;
    status: InvoiceStatus;
    quoteNumber: string | null;
    /** As the platform reported them, in order; the last is where the invoice stands. */
    platformStatuses: PlatformStatusLine[];
  }[];
  /** Quotes by number: the client's answer and the invoices that followed. */
  quotes: (Omit<QuoteDoc, 'caeId' | 'client'> & { client: { kind: ClientKind; name: string; clientId: string | null } })[];
}

const statusOfInvoice = (invoice: InvoiceDoc, net: Money, paid: Money, refunded: Money, owed: Money, today: IsoDate | null): InvoiceStatus => {
  if (owed.greaterThan(0)) return 'refund_due';
  if (refunded.greaterThan(0)) return 'refunded';
  if (net.isZero()) return 'credited';
  if (!net.greaterThan(paid)) return 'paid';
  if (today !== null && invoice.dueOn < today) return 'overdue';
  return paid.isZero() ? 'unpaid' : 'partially_paid';
};

/** GET /api/caes/{caeId}/invoices — sorted by number; overdue relative to the latest business date seen. */
export const invoices = async (models: ReadModels, caeId: string): Promise<InvoicesRegister | undefined> => {
  const cae = await caeOf(models, caeId);
  if (!cae) return undefined;
  const docs = (await listOf<InvoiceDoc>(models, 'invoices', caeId)).sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  // A directory client's name is read from its directory line (a person's is kept there only).
  const directory = new Map((await listOf<ClientDoc>(models, 'clients', caeId)).map((c) => [c.clientId, c.name]));
  const namedClient = (client: InvoiceDoc['client']) => ({ kind: client.kind, name: client.clientId === undefined ? client.name : (directory.get(client.clientId) ?? client.name), clientId: client.clientId ?? null });
  return {
    caeId,
    asOf: cae.lastBusinessDate,
    invoices: docs.map((i) => {
      const credited = sum(i.creditNotes.map((c) => money(c.totalInclVat)));
      const paid = sum(i.payments.map((p) => money(p.amount)));
      const refunded = sum(i.refunds.map((r) => money(r.amount)));
      const net = money(i.totalInclVat).minus(credited);
      const owed = Decimal.max(ZERO, paid.minus(net)).minus(refunded);
      return {
        number: i.number,
        issuedOn: i.issuedOn,
        dueOn: i.dueOn,
        entrepreneurId: i.entrepreneurId,
        client: namedClient(i.client),
        totalExclVat: i.totalExclVat,
        totalVat: i.totalVat,
        totalInclVat: i.totalInclVat,
        creditNotes: i.creditNotes,
        payments: i.payments,
        refunds: i.refunds,
        creditedInclVat: formatMoney(credited),
        paidInclVat: formatMoney(paid),
        refundedInclVat: formatMoney(refunded),
        amountDue: formatMoney(Decimal.max(ZERO, net.minus(paid))),
        refundOwed: formatMoney(owed),
        status: statusOfInvoice(i, net, paid, refunded, owed, cae.lastBusinessDate),
        quoteNumber: i.quoteNumber ?? null,
        platformStatuses: i.platformStatuses ?? [],
      };
    }),
    quotes: (await listOf<QuoteDoc>(models, 'quotes', caeId))
      .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
      .map(({ caeId: _caeId, client, ...quote }) => ({ ...quote, client: namedClient(client) })),
  };
};

export type ClientsDirectory = { caeId: string; clients: Omit<ClientDoc, 'caeId'>[] };

/** GET /api/caes/{caeId}/clients — the directory, by clientId; a forgotten person's fields read "[forgotten]". */
export const clientsDirectory = async (models: ReadModels, caeId: string): Promise<ClientsDirectory | undefined> => {
  if (!(await caeOf(models, caeId))) return undefined;
  const docs = (await listOf<ClientDoc>(models, 'clients', caeId)).sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
  return { caeId, clients: docs.map(({ caeId: _caeId, ...client }) => client) };
};

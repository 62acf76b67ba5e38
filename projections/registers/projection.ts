import { INVOICE_NUMBER, QUOTE_NUMBER, type EventType, type IndividualClient, type InvoiceClient } from '../../libs/domain';
import { collectionOf, defineProjection, type Handler, type ProjectedEventOf, type TypedReader, type TypedRef, type TypedUpdate } from '../projection';
import {
  docId,
  FORGOTTEN,
  movementId,
  REGISTERS,
  type AssociateDoc,
  type CaeDoc,
  type ClientDoc,
  type QuoteDoc,
  type ContractLine,
  type EntrepreneurDoc,
  type InvoiceDoc,
  type Membership,
  type MovementDoc,
} from './documents';
import { associateNameOf, clientNameOf, forgottenEntrepreneur, personOf } from './persons';

/** Legal registers: lines are appended in log order and never rewritten; only a forgotten person's fields are blanked. */

type RegisterDocs = { caes: CaeDoc; entrepreneurs: EntrepreneurDoc; associates: AssociateDoc; movements: MovementDoc; invoices: InvoiceDoc; clients: ClientDoc; quotes: QuoteDoc };
type Ref = TypedRef<RegisterDocs>;
type Update = TypedUpdate<RegisterDocs>;
type Reader = TypedReader<RegisterDocs>;

const entrepreneurRef = (caeId: string, entrepreneurId: string) => ({ collection: 'entrepreneurs', id: docId(caeId, entrepreneurId) }) as const;
const invoiceRef = (caeId: string, number: string) => ({ collection: 'invoices', id: docId(caeId, number) }) as const;
const associateRef = (caeId: string, associateId: string) => ({ collection: 'associates', id: docId(caeId, associateId) }) as const;
const quoteRef = (caeId: string, number: string) => ({ collection: 'quotes', id: docId(caeId, number) }) as const;
const clientRef = (caeId: string, clientId: string) => ({ collection: 'clients', id: docId(caeId, clientId) }) as const;
const movementRef = (caeId: string, position: number) => ({ collection: 'movements', id: movementId(caeId, position) }) as const;

/**
 * A dated event: it moves the CAE's "today" forward (its business date), then changes the register documents
 * it names, if any.
 */
const dated = <K extends EventType>(
  refs: (event: ProjectedEventOf<K>) => Ref[] = () => [],
  change: (event: ProjectedEventOf<K>, docs: Reader) => Update[] = () => [],
): Handler<RegisterDocs, K> => ({
  documents: (event) => [{ collection: 'caes', id: event.caeId }, ...refs(event)],
  apply: (event, docs) => {
    const cae = docs.get('caes', event.caeId);
    const date = event.occurredOn;
    const today: Update[] = cae && (cae.lastBusinessDate === null || date > cae.lastBusinessDate) ? [{ collection: 'caes', id: cae.caeId, doc: { ...cae, lastBusinessDate: date } }] : [];
    return [...today, ...change(event, docs)];
  },
});

type EntrepreneurEventType = 'CapeSigned' | 'CapeRenewed' | 'CesaSigned' | 'EntrepreneurExited';

/** A step of the path: one more line in the entrepreneur's status history. */
const step = <K extends EntrepreneurEventType>(line: (event: ProjectedEventOf<K>) => ContractLine): Handler<RegisterDocs, K> =>
  dated<K>(
    (e) => [entrepreneurRef(e.data.caeId, e.data.entrepreneurId)],
    (e, docs) => {
      const ref = entrepreneurRef(e.data.caeId, e.data.entrepreneurId);
      const current = docs.get(ref.collection, ref.id);
      return current ? [{ ...ref, doc: { ...current, history: [...current.history, line(e)] } }] : [];
    },
  );

type InvoiceEventType = 'CreditNoteIssued' | 'PaymentRecorded' | 'RefundRecorded' | 'InvoicePlatformStatusRecorded';

/** A line under an invoice already in the register. */
const underInvoice = <K extends InvoiceEventType>(change: (invoice: InvoiceDoc, event: ProjectedEventOf<K>) => InvoiceDoc): Handler<RegisterDocs, K> =>
  dated<K>(
    (e) => [invoiceRef(e.data.caeId, e.data.invoiceNumber)],
    (e, docs) => {
      const ref = invoiceRef(e.data.caeId, e.data.invoiceNumber);
      const current = docs.get(ref.collection, ref.id);
      return current ? [{ ...ref, doc: change(current, e) }] : [];
    },
  );

/** The client as a register line names it: a directory person's name stays on their directory line alone, one place for an erasure to blank. */
const registeredClient = (client: InvoiceClient): InvoiceDoc['client'] =>
  client.clientId === undefined
    ? { kind: client.kind, name: clientNameOf(client) }
    : { kind: client.kind, name: client.kind === 'individual' ? '' : clientNameOf(client), clientId: client.clientId };

/** The client's answer on the quote's line. */
const answered = <K extends 'QuoteAccepted' | 'QuoteDeclined'>(answer: (event: ProjectedEventOf<K>) => Partial<QuoteDoc>): Handler<RegisterDocs, K> =>
  dated<K>(
    (e) => [quoteRef(e.data.caeId, e.data.number)],
    (e, docs) => {
      const ref = quoteRef(e.data.caeId, e.data.number);
      const current = docs.get(ref.collection, ref.id);
      return current ? [{ ...ref, doc: { ...current, ...answer(e) } }] : [];
    },
  );

/** The quote an invoice follows lists it. */
const followedQuote = (caeId: string, quoteNumber: string | undefined, number: string, docs: Reader): Update[] => {
  if (quoteNumber === undefined) return [];
  const ref = quoteRef(caeId, quoteNumber);
  const quote = docs.get(ref.collection, ref.id);
  return quote ? [{ ...ref, doc: { ...quote, invoices: [...quote.invoices, number] } }] : [];
};

/** The associate's line and the movement it makes (its id is its log position: id order is log order). */
const shareMovement = <K extends 'AssociateAdmitted' | 'SharesRedeemed'>(
  change: (event: ProjectedEventOf<K>, current: AssociateDoc | undefined) => { associate: AssociateDoc; movement: MovementDoc } | undefined,
): Handler<RegisterDocs, K> =>
  dated<K>(
    (e) => [associateRef(e.data.caeId, e.data.associateId), movementRef(e.data.caeId, e.position)],
    (e, docs) => {
      const ref = associateRef(e.data.caeId, e.data.associateId);
      const changed = change(e, docs.get(ref.collection, ref.id));
      return changed ? [{ ...ref, doc: changed.associate }, { ...movementRef(e.data.caeId, e.position), doc: changed.movement }] : [];
    },
  );

/** Each kind's data sits in one document: blanks the person's fields there; amounts, counts and lines stay as they were. */
const forget = (e: ProjectedEventOf<'PersonForgotten'>, docs: Reader): Update[] => {
  const { caeId, kind, personId } = e.data;
  if (kind === 'entrepreneur') {
    const ref = entrepreneurRef(caeId, personId);
    const doc = docs.get(ref.collection, ref.id);
    return doc ? [{ ...ref, doc: forgottenEntrepreneur(doc) }] : [];
  }
  if (kind === 'associate') {
    const ref = associateRef(caeId, personId);
    const doc = docs.get(ref.collection, ref.id);
    return doc && doc.name !== null ? [{ ...ref, doc: { ...doc, name: FORGOTTEN } }] : [];
  }
  if (QUOTE_NUMBER.test(personId)) {
    const ref = quoteRef(caeId, personId);
    const quote = docs.get(ref.collection, ref.id);
    return quote && quote.client.kind === 'individual' ? [{ ...ref, doc: { ...quote, client: { ...quote.client, name: FORGOTTEN } } }] : [];
  }
  // A directory client's line (its invoices read its name from there), or an inline client's invoice.
  if (!INVOICE_NUMBER.test(personId)) {
    const ref = clientRef(caeId, personId);
    const client = docs.get(ref.collection, ref.id);
    return client && client.kind === 'individual' ? [{ ...ref, doc: { ...client, name: FORGOTTEN, address: FORGOTTEN, email: null } }] : [];
  }
  const ref = invoiceRef(caeId, personId);
  const invoice = docs.get(ref.collection, ref.id);
  return invoice && invoice.client.kind === 'individual' ? [{ ...ref, doc: { ...invoice, client: { ...invoice.client, name: FORGOTTEN } } }] : [];
};

export const registersProjection = defineProjection({
  name: REGISTERS,
  version: 5,
  collections: {
    caes: collectionOf<CaeDoc>(),
    entrepreneurs: collectionOf<EntrepreneurDoc>(),
    associates: collectionOf<AssociateDoc>(),
    movements: collectionOf<MovementDoc>(),
    invoices: collectionOf<InvoiceDoc>(),
    clients: collectionOf<ClientDoc>(),
    quotes: collectionOf<QuoteDoc>(),
  },
  on: {
    CaeRegistered: {
      documents: (e) => [{ collection: 'caes', id: e.data.caeId }],
      apply: ({ data: d }) => [
        { collection: 'caes', id: d.caeId, doc: { caeId: d.caeId, name: d.name, legalForm: d.legalForm, shareNominalValue: d.shareNominalValue, lastBusinessDate: null } },
      ],
    },
    // Facts of no register: they only move the CAE's "today".
    InformationSessionRecorded: dated(),
    IntakeInterviewRecorded: dated(),
    SubsidyRecorded: dated(),
    ExpenseRecorded: dated(),
    SalaryPaid: dated(),
    EntrepreneurIntegrated: dated(
      (e) => [entrepreneurRef(e.data.caeId, e.data.entrepreneurId)],
      (e, docs) => {
        const d = e.data;
        const ref = entrepreneurRef(d.caeId, d.entrepreneurId);
        const current = docs.get(ref.collection, ref.id);
        const base: EntrepreneurDoc = current ?? {
          caeId: d.caeId,
          entrepreneurId: d.entrepreneurId,
          firstIntegratedOn: d.integratedOn,
          firstPosition: e.position,
          person: personOf(d.profile),
          activity: d.activity,
          history: [],
          individualMeetings: {},
          meetings: [],
        };
        const line: ContractLine = { on: d.integratedOn, event: d.integration === 1 ? 'integrated' : 'returned', position: e.position, integration: d.integration, activity: d.activity };
        // A return brings the person's profile and activity as they are now.
        return [{ ...ref, doc: { ...base, person: personOf(d.profile), activity: d.activity, history: [...base.history, line] } }];
      },
    ),
    CapeSigned: step(({ data: d, position }) => ({ on: d.signedOn, event: 'cape_signed', position, months: d.months, endsOn: d.endsOn })),
    CapeRenewed: step(({ data: d, position }) => ({ on: d.renewedOn, event: 'cape_renewed', position, months: d.months, renewal: d.renewal, endsOn: d.endsOn, totalMonths: d.totalMonths })),
    CesaSigned: step(({ data: d, position }) => ({ on: d.signedOn, event: 'cesa_signed', position, associateDeadline: d.associateDeadline, trialPeriodEndsOn: d.trialPeriodEndsOn ?? null })),
    EntrepreneurExited: step(({ data: d, position }) => ({ on: d.exitedOn, event: 'exited', position, reason: d.reason, positive: d.positive })),
    MeetingRecorded: dated(
      (e) => [entrepreneurRef(e.data.caeId, e.data.entrepreneurId)],
      (e, docs) => {
        const ref = entrepreneurRef(e.data.caeId, e.data.entrepreneurId);
        const current = docs.get(ref.collection, ref.id);
        if (!current) return [];
        const { heldOn, kind, hours } = e.data;
        const year = heldOn.slice(0, 4);
        const individualMeetings = kind === 'individual' ? { ...current.individualMeetings, [year]: (current.individualMeetings[year] ?? 0) + 1 } : current.individualMeetings;
        return [{ ...ref, doc: { ...current, individualMeetings, meetings: [...current.meetings, { heldOn, kind, hours }] } }];
      },
    ),
    ClientRegistered: dated(
      (e) => [clientRef(e.data.caeId, e.data.clientId)],
      ({ data: d }) => {
        const c = d.client;
        // A rebuild after an erasure reads '[forgotten]' in place of the sealed person.
        const person = c.individual as IndividualClient | typeof FORGOTTEN | undefined;
        const address = person === FORGOTTEN ? FORGOTTEN : (person?.address ?? c.address ?? null);
        return [
          {
            ...clientRef(d.caeId, d.clientId),
            doc: {
              caeId: d.caeId,
              clientId: d.clientId,
              registeredOn: d.registeredOn,
              kind: c.kind,
              name: clientNameOf(c),
              siren: c.siren ?? null,
              siret: c.siret ?? null,
              vatNumber: c.vatNumber ?? null,
              address,
              chorusServiceCode: c.chorusServiceCode ?? null,
              email: person === FORGOTTEN ? null : ((person?.email ?? c.email) || null),
            },
          },
        ];
      },
    ),
    QuoteIssued: dated(
      (e) => [quoteRef(e.data.caeId, e.data.number)],
      ({ data: d }) => [
        {
          ...quoteRef(d.caeId, d.number),
          doc: {
            caeId: d.caeId,
            number: d.number,
            issuedOn: d.issuedOn,
            validUntil: d.validUntil,
            entrepreneurId: d.entrepreneurId,
            client: registeredClient(d.client),
            totalExclVat: d.totalExclVat,
            totalVat: d.totalVat,
            totalInclVat: d.totalInclVat,
            status: 'issued',
            answeredOn: null,
            reason: null,
            invoices: [],
          },
        },
      ],
    ),
    QuoteAccepted: answered((e) => ({ status: 'accepted', answeredOn: e.data.acceptedOn })),
    QuoteDeclined: answered((e) => ({ status: 'declined', answeredOn: e.data.declinedOn, reason: e.data.reason ?? null })),
    InvoiceIssued: dated(
      (e) => [invoiceRef(e.data.caeId, e.data.number), ...(e.data.quoteNumber === undefined ? [] : [quoteRef(e.data.caeId, e.data.quoteNumber)])],
      ({ data: d }, docs) => [
        ...followedQuote(d.caeId, d.quoteNumber, d.number, docs),
        {
          ...invoiceRef(d.caeId, d.number),
          doc: {
            caeId: d.caeId,
            number: d.number,
            issuedOn: d.issuedOn,
            dueOn: d.dueOn,
            entrepreneurId: d.entrepreneurId,
            // A directory person's name stays on their directory line alone: one place for an erasure to blank.
            client: registeredClient(d.client),
            ...(d.quoteNumber !== undefined && { quoteNumber: d.quoteNumber }),
            totalExclVat: d.totalExclVat,
            totalVat: d.totalVat,
            totalInclVat: d.totalInclVat,
            creditNotes: [],
            payments: [],
            refunds: [],
          },
        },
      ],
    ),
    CreditNoteIssued: underInvoice((invoice, { data: d }) => ({
      ...invoice,
      creditNotes: [...invoice.creditNotes, { number: d.number, issuedOn: d.issuedOn, reason: d.reason, totalExclVat: d.totalExclVat, totalVat: d.totalVat, totalInclVat: d.totalInclVat }],
    })),
    PaymentRecorded: underInvoice((invoice, { data: d }) => ({ ...invoice, payments: [...invoice.payments, { paidOn: d.paidOn, amount: d.amount, amountExclVat: d.amountExclVat }] })),
    InvoicePlatformStatusRecorded: underInvoice((invoice, { data: d }) => ({
      ...invoice,
      platformStatuses: [...(invoice.platformStatuses ?? []), { status: d.status, code: d.code, on: d.on, platform: d.platform, platformReference: d.platformReference ?? null, reason: d.reason ?? null }],
    })),
    RefundRecorded: underInvoice((invoice, { data: d }) => ({ ...invoice, refunds: [...invoice.refunds, { refundedOn: d.refundedOn, amount: d.amount, amountExclVat: d.amountExclVat }] })),
    AssociateAdmitted: shareMovement(({ data: d, position }, current) => {
      const membership: Membership = { category: d.category, entrepreneurId: d.entrepreneurId ?? null, admittedOn: d.admittedOn, admittedPosition: position, sharesSubscribed: d.shares, leftOn: null, leftPosition: null };
      const name = d.person === undefined ? null : associateNameOf(d.person);
      return {
        associate: { caeId: d.caeId, associateId: d.associateId, name: name ?? current?.name ?? null, shares: d.shares, memberships: [...(current?.memberships ?? []), membership] },
        movement: { caeId: d.caeId, on: d.admittedOn, position, kind: 'subscription', associateId: d.associateId, category: d.category, shares: d.shares, amount: d.amount },
      };
    }),
    SharesRedeemed: shareMovement(({ data: d, position }, current) => {
      if (!current) return undefined;
      const open = current.memberships.at(-1)!;
      const memberships = d.leftAssociation ? [...current.memberships.slice(0, -1), { ...open, leftOn: d.redeemedOn, leftPosition: position }] : current.memberships;
      return {
        associate: { ...current, shares: d.remainingShares, memberships },
        movement: { caeId: d.caeId, on: d.redeemedOn, position, kind: 'redemption', associateId: d.associateId, category: open.category, shares: d.shares, amount: d.amount },
      };
    }),
    PersonForgotten: {
      // An entrepreneur associate's line shows no name (it is the entrepreneur's); meeting notes are not kept here.
      documents: ({ data: { caeId, kind, personId } }) => [
        kind === 'entrepreneur'
          ? entrepreneurRef(caeId, personId)
          : kind === 'associate'
            ? associateRef(caeId, personId)
            : INVOICE_NUMBER.test(personId)
              ? invoiceRef(caeId, personId)
              : QUOTE_NUMBER.test(personId)
                ? quoteRef(caeId, personId)
                : clientRef(caeId, personId),
      ],
      apply: forget,
    },
  },
});

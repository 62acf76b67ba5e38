import { occurredOn, type AssociatePerson, type EntrepreneurProfile, type InvoiceClient, type IsoDate } from '../../libs/domain';
import type { DocReader, DocRef, DocUpdate, Projection, ProjectedEvent } from '../projection';
import {
  docId,
  FORGOTTEN,
  movementId,
  REGISTERS,
  type AssociateDoc,
  type CaeDoc,
  type ContractLine,
  type EntrepreneurDoc,
  type InvoiceDoc,
  type MovementDoc,
  type PersonFields,
} from './documents';

/** Legal registers: lines are appended in log order and never rewritten; only a forgotten person's fields are blanked. */

type Forgotten = typeof FORGOTTEN;

const forgottenPerson = (): PersonFields => ({
  firstName: FORGOTTEN,
  lastName: FORGOTTEN,
  gender: FORGOTTEN,
  birthYear: FORGOTTEN,
  postalCode: FORGOTTEN,
  city: FORGOTTEN,
});

/** A rebuild after an erasure reads '[forgotten]' in place of the whole sealed value. */
const personOf = (profile: EntrepreneurProfile | Forgotten): PersonFields =>
  profile === FORGOTTEN
    ? forgottenPerson()
    : {
        firstName: profile.firstName,
        lastName: profile.lastName,
        gender: profile.gender,
        birthYear: profile.birthYear,
        postalCode: profile.postalCode ?? null,
        city: profile.city ?? null,
      };

/** Likewise for a name inside a sealed value (a private client). */
const openedName = (person: { name: string } | Forgotten): string => (person === FORGOTTEN ? FORGOTTEN : person.name);

/** An associate's display name in each form of person: "firstName lastName", the organisation's name, or the name as given. */
const associateNameOf = (person: AssociatePerson | Forgotten): string => {
  if (person === FORGOTTEN) return FORGOTTEN;
  if ('organisation' in person) return person.organisation.name;
  return 'firstName' in person ? `${person.firstName} ${person.lastName}` : person.name;
};

const clientNameOf = (client: InvoiceClient): string => (client.individual === undefined ? (client.name ?? '') : openedName(client.individual));

/** None for an erasure (dated by the clock), a registration, or a number (InvoiceIssued and CreditNoteIssued carry its date). */
const businessDateOf = (event: ProjectedEvent): IsoDate | undefined =>
  event.type === 'PersonForgotten' || event.type === 'InvoiceNumberAssigned' ? undefined : occurredOn(event);

const entrepreneurRef = (caeId: string, entrepreneurId: string): DocRef => ({ collection: 'entrepreneurs', id: docId(caeId, entrepreneurId) });
const invoiceRef = (caeId: string, number: string): DocRef => ({ collection: 'invoices', id: docId(caeId, number) });
const associateRef = (caeId: string, associateId: string): DocRef => ({ collection: 'associates', id: docId(caeId, associateId) });

/** The register documents an event changes, besides the CAE's business date. */
const registerRefs = (event: ProjectedEvent): DocRef[] => {
  switch (event.type) {
    case 'EntrepreneurIntegrated':
    case 'CapeSigned':
    case 'CapeRenewed':
    case 'CesaSigned':
    case 'EntrepreneurExited':
    case 'MeetingRecorded':
      return [entrepreneurRef(event.data.caeId, event.data.entrepreneurId)];
    case 'InvoiceIssued':
      return [invoiceRef(event.data.caeId, event.data.number)];
    case 'CreditNoteIssued':
    case 'PaymentRecorded':
    case 'RefundRecorded':
      return [invoiceRef(event.data.caeId, event.data.invoiceNumber)];
    case 'AssociateAdmitted':
    case 'SharesRedeemed':
      return [associateRef(event.data.caeId, event.data.associateId), { collection: 'movements', id: movementId(event.data.caeId, event.position) }];
    case 'PersonForgotten': {
      // Each kind's data sits in one document. An entrepreneur associate's line shows no name (it is the
      // entrepreneur's, in the entrepreneur's document); meeting notes are not kept in the registers.
      const { caeId, kind, personId } = event.data;
      if (kind === 'entrepreneur') return [entrepreneurRef(caeId, personId)];
      return [kind === 'associate' ? associateRef(caeId, personId) : invoiceRef(caeId, personId)];
    }
    default:
      return [];
  }
};

const contractLine = (event: ProjectedEvent): ContractLine | undefined => {
  const position = event.position;
  switch (event.type) {
    case 'EntrepreneurIntegrated': {
      const d = event.data;
      return { on: d.integratedOn, event: d.integration === 1 ? 'integrated' : 'returned', position, integration: d.integration, activity: d.activity };
    }
    case 'CapeSigned':
      return { on: event.data.signedOn, event: 'cape_signed', position, months: event.data.months, endsOn: event.data.endsOn };
    case 'CapeRenewed': {
      const d = event.data;
      return { on: d.renewedOn, event: 'cape_renewed', position, months: d.months, renewal: d.renewal, endsOn: d.endsOn, totalMonths: d.totalMonths };
    }
    case 'CesaSigned': {
      const d = event.data;
      return { on: d.signedOn, event: 'cesa_signed', position, associateDeadline: d.associateDeadline, trialPeriodEndsOn: d.trialPeriodEndsOn ?? null };
    }
    case 'EntrepreneurExited':
      return { on: event.data.exitedOn, event: 'exited', position, reason: event.data.reason, positive: event.data.positive };
    default:
      return undefined;
  }
};

const applyToEntrepreneur = (event: ProjectedEvent, current: EntrepreneurDoc | undefined): EntrepreneurDoc | undefined => {
  if (event.type === 'EntrepreneurIntegrated') {
    const d = event.data;
    const base: EntrepreneurDoc = current ?? {
      caeId: d.caeId,
      entrepreneurId: d.entrepreneurId,
      firstIntegratedOn: d.integratedOn,
      firstPosition: event.position,
      person: personOf(d.profile),
      activity: d.activity,
      history: [],
      individualMeetings: {},
    };
    // A return brings the person's profile and activity as they are now.
    return { ...base, person: personOf(d.profile), activity: d.activity, history: [...base.history, contractLine(event)!] };
  }
  if (!current) return undefined;
  if (event.type === 'MeetingRecorded') {
    if (event.data.kind !== 'individual') return undefined;
    const year = event.data.heldOn.slice(0, 4);
    return { ...current, individualMeetings: { ...current.individualMeetings, [year]: (current.individualMeetings[year] ?? 0) + 1 } };
  }
  const line = contractLine(event);
  return line ? { ...current, history: [...current.history, line] } : undefined;
};

const applyToInvoice = (event: ProjectedEvent, current: InvoiceDoc | undefined): InvoiceDoc | undefined => {
  switch (event.type) {
    case 'InvoiceIssued': {
      const d = event.data;
      return {
        caeId: d.caeId,
        number: d.number,
        issuedOn: d.issuedOn,
        dueOn: d.dueOn,
        entrepreneurId: d.entrepreneurId,
        client: { kind: d.client.kind, name: clientNameOf(d.client) },
        totalExclVat: d.totalExclVat,
        totalVat: d.totalVat,
        totalInclVat: d.totalInclVat,
        creditNotes: [],
        payments: [],
        refunds: [],
      };
    }
    case 'CreditNoteIssued': {
      const d = event.data;
      const note = { number: d.number, issuedOn: d.issuedOn, reason: d.reason, totalExclVat: d.totalExclVat, totalVat: d.totalVat, totalInclVat: d.totalInclVat };
      return current && { ...current, creditNotes: [...current.creditNotes, note] };
    }
    case 'PaymentRecorded': {
      const d = event.data;
      return current && { ...current, payments: [...current.payments, { paidOn: d.paidOn, amount: d.amount, amountExclVat: d.amountExclVat }] };
    }
    case 'RefundRecorded': {
      const d = event.data;
      return current && { ...current, refunds: [...current.refunds, { refundedOn: d.refundedOn, amount: d.amount, amountExclVat: d.amountExclVat }] };
    }
    default:
      return undefined;
  }
};

const applyToAssociate = (event: ProjectedEvent, current: AssociateDoc | undefined): { associate: AssociateDoc; movement: MovementDoc } | undefined => {
  if (event.type === 'AssociateAdmitted') {
    const d = event.data;
    const membership = { category: d.category, entrepreneurId: d.entrepreneurId ?? null, admittedOn: d.admittedOn, admittedPosition: event.position, sharesSubscribed: d.shares, leftOn: null, leftPosition: null };
    const name = d.person === undefined ? null : associateNameOf(d.person);
    return {
      associate: {
        caeId: d.caeId,
        associateId: d.associateId,
        name: name ?? current?.name ?? null,
        shares: d.shares,
        memberships: [...(current?.memberships ?? []), membership],
      },
      movement: { caeId: d.caeId, on: d.admittedOn, position: event.position, kind: 'subscription', associateId: d.associateId, category: d.category, shares: d.shares, amount: d.amount },
    };
  }
  if (event.type === 'SharesRedeemed' && current) {
    const d = event.data;
    const open = current.memberships.at(-1)!;
    const memberships = d.leftAssociation ? [...current.memberships.slice(0, -1), { ...open, leftOn: d.redeemedOn, leftPosition: event.position }] : current.memberships;
    return {
      associate: { ...current, shares: d.remainingShares, memberships },
      movement: { caeId: d.caeId, on: d.redeemedOn, position: event.position, kind: 'redemption', associateId: d.associateId, category: open.category, shares: d.shares, amount: d.amount },
    };
  }
  return undefined;
};

/** What a rebuild reads once the key is gone: the profile and every activity description (sealed), the sector in clear. */
const forgottenEntrepreneur = (doc: EntrepreneurDoc): EntrepreneurDoc => ({
  ...doc,
  person: forgottenPerson(),
  activity: { ...doc.activity, description: FORGOTTEN },
  history: doc.history.map((line) => ('activity' in line ? { ...line, activity: { ...line.activity, description: FORGOTTEN } } : line)),
});

/** Blanks the person's fields wherever they are; amounts, counts and lines stay as they were. */
const forget = (refs: DocRef[], docs: DocReader): DocUpdate[] => {
  const updates: DocUpdate[] = [];
  for (const ref of refs) {
    const doc = docs.get(ref.collection, ref.id);
    if (!doc) continue;
    if (ref.collection === 'entrepreneurs') updates.push({ ...ref, doc: forgottenEntrepreneur(doc as EntrepreneurDoc) });
    if (ref.collection === 'associates' && doc['name'] !== null) updates.push({ ...ref, doc: { ...doc, name: FORGOTTEN } });
    const invoice = doc as InvoiceDoc;
    if (ref.collection === 'invoices' && invoice.client.kind === 'individual') updates.push({ ...ref, doc: { ...invoice, client: { ...invoice.client, name: FORGOTTEN } } });
  }
  return updates;
};

/** Moves the CAE's "today" forward. */
const businessDateUpdates = (event: ProjectedEvent, docs: DocReader): DocUpdate[] => {
  const date = businessDateOf(event);
  if (date === undefined) return [];
  const cae = docs.get('caes', event.data.caeId) as CaeDoc | undefined;
  return cae && (cae.lastBusinessDate === null || date > cae.lastBusinessDate)
    ? [{ collection: 'caes', id: cae.caeId, doc: { ...cae, lastBusinessDate: date } }]
    : [];
};

const registerUpdates = (event: ProjectedEvent, docs: DocReader): DocUpdate[] => {
  const [ref, movementRef] = registerRefs(event);
  if (!ref) return [];
  const current = docs.get(ref.collection, ref.id);
  switch (ref.collection) {
    case 'entrepreneurs': {
      const doc = applyToEntrepreneur(event, current as EntrepreneurDoc | undefined);
      return doc ? [{ ...ref, doc }] : [];
    }
    case 'invoices': {
      const doc = applyToInvoice(event, current as InvoiceDoc | undefined);
      return doc ? [{ ...ref, doc }] : [];
    }
    default: {
      const changed = applyToAssociate(event, current as AssociateDoc | undefined);
      return changed && movementRef ? [{ ...ref, doc: changed.associate }, { ...movementRef, doc: changed.movement }] : [];
    }
  }
};

export const registersProjection: Projection = {
  name: REGISTERS,
  version: 2,
  collections: ['caes', 'entrepreneurs', 'associates', 'movements', 'invoices'],

  documentsFor(event: ProjectedEvent): DocRef[] {
    const cae = event.type === 'CaeRegistered' || businessDateOf(event) !== undefined ? [{ collection: 'caes', id: event.data.caeId }] : [];
    return [...cae, ...registerRefs(event)];
  },

  apply(event: ProjectedEvent, docs: DocReader): DocUpdate[] {
    if (event.type === 'CaeRegistered') {
      const d = event.data;
      const cae: CaeDoc = { caeId: d.caeId, name: d.name, legalForm: d.legalForm, shareNominalValue: d.shareNominalValue, lastBusinessDate: null };
      return [{ collection: 'caes', id: d.caeId, doc: cae }];
    }
    if (event.type === 'PersonForgotten') return forget(registerRefs(event), docs);
    return [...businessDateUpdates(event, docs), ...registerUpdates(event, docs)];
  },
};

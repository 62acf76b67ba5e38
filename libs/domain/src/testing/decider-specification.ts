import { evolveAssociate, initialAssociateState } from '../aggregates/associate';
import { evolveCae, initialCaeState } from '../aggregates/cae';
import { evolveEntrepreneur, initialEntrepreneurState } from '../aggregates/entrepreneur';
import { evolveInvoiceSeries, findDocument, initialInvoiceSeriesState } from '../aggregates/invoice-series';
import {
  COMMAND_TYPES,
  type AdmitAssociate,
  type Command,
  type ExitReason,
  type InvoiceLine,
  type IntegrateEntrepreneur,
  type IsoDate,
  type IssueInvoice,
  type PaySalary,
  type PersonKind,
  type RecordExpense,
  type RegisterCae,
  type SignCesa,
  type YearMonth,
} from '../commands';
import { decide, planOf } from '../decide';
import type { Decided, DecisionContext, DecisionState } from '../deciders/decision';
import type { DomainError, ErrorCode } from '../errors';
import type { DomainEvent } from '../events';
import { associateStream, caeStream, entrepreneurStream, invoiceSeriesStream, seriesYearOf } from '../streams';

/**
 * Given / When / Then for the deciders (after emmett's DeciderSpecification): a rule reads like the rule.
 *
 *   given(registerCae(), integrate('alice', '2016-01-04'), signCape('alice', '2016-01-04', 6))
 *     .when(signCape('alice', '2016-02-01', 6))
 *     .thenRejects('CAPE_ALREADY_SIGNED');
 *
 * The history mixes events and commands: a command stands for the events `decide` produced for it (it must be
 * accepted), so fixtures never drift from the deciders. The state is folded the way the application loads it:
 * each event goes to its stream, and only the streams `planOf(command)` names are read.
 */

export type History = DomainEvent | Command | readonly History[];

const COMMANDS: readonly string[] = COMMAND_TYPES;
const isCommand = (item: DomainEvent | Command): item is Command => COMMANDS.includes(item.type);

/** The stream an event is appended to. */
const streamOf = (event: DomainEvent): string => {
  switch (event.type) {
    case 'CaeRegistered':
    case 'InformationSessionRecorded':
    case 'IntakeInterviewRecorded':
    case 'SubsidyRecorded':
    case 'PersonForgotten':
      return caeStream(event.data.caeId);
    case 'InvoiceNumberAssigned':
      return invoiceSeriesStream(event.data.caeId, seriesYearOf(event.data.number));
    case 'AssociateAdmitted':
    case 'SharesRedeemed':
      return associateStream(event.data.caeId, event.data.associateId);
    default:
      return entrepreneurStream(event.data.caeId, event.data.entrepreneurId);
  }
};

const readStream = (events: readonly DomainEvent[], streamId: string): DomainEvent[] => events.filter((e) => streamOf(e) === streamId);

/** The state a command is decided against, and the streams it was read from. */
const load = (command: Command, events: readonly DomainEvent[]): { state: DecisionState; streams: string[] } => {
  const plan = planOf(command);
  const streams = [caeStream(plan.caeId)];
  const read = (streamId: string) => {
    streams.push(streamId);
    return readStream(events, streamId);
  };
  const cae = read(caeStream(plan.caeId)).reduce(evolveCae, initialCaeState());
  const document = plan.document
    ? findDocument(read(invoiceSeriesStream(plan.caeId, plan.document.seriesYear)), plan.document.number)
    : undefined;
  const entrepreneurId = plan.entrepreneurId ?? document?.entrepreneurId;
  const state: DecisionState = {
    cae,
    ...(entrepreneurId !== undefined
      ? { entrepreneur: read(entrepreneurStream(plan.caeId, entrepreneurId)).reduce(evolveEntrepreneur, initialEntrepreneurState()) }
      : {}),
    ...(plan.seriesYear !== undefined
      ? { series: read(invoiceSeriesStream(plan.caeId, plan.seriesYear)).reduce(evolveInvoiceSeries, initialInvoiceSeriesState()) }
      : {}),
    ...(plan.associateId !== undefined
      ? { associate: read(associateStream(plan.caeId, plan.associateId)).reduce(evolveAssociate, initialAssociateState()) }
      : {}),
    ...(document !== undefined ? { document } : {}),
  };
  return { state, streams };
};

export const TODAY: IsoDate = '2026-01-15';

const describeError = (error: DomainError) => `${error.code}: ${error.message}`;

/** Decides a command on a history; every event must go to a stream the command read (its expected revision). */
export const decideOn = (events: readonly DomainEvent[], command: Command, context: DecisionContext = { today: TODAY }): Decided => {
  const { state, streams } = load(command, events);
  const decided = decide(command, state, context);
  if (decided.ok)
    for (const { streamId, event } of decided.value.events) {
      if (streamId !== streamOf(event)) throw new Error(`${event.type} was written to ${streamId}, not to its stream ${streamOf(event)}`);
      if (!streams.includes(streamId)) throw new Error(`${command.type} wrote to ${streamId}, a stream it did not read`);
    }
  return decided;
};

/** The events of a history, commands replayed through `decide` (each must be accepted). */
export const record = (...history: History[]): DomainEvent[] => {
  const events: DomainEvent[] = [];
  const visit = (item: History): void => {
    if (Array.isArray(item)) return (item as readonly History[]).forEach(visit);
    const one = item as DomainEvent | Command;
    if (!isCommand(one)) {
      events.push(one);
      return;
    }
    const decided = decideOn(events, one);
    if (!decided.ok) throw new Error(`The history's ${one.type} was refused: ${describeError(decided.error)}`);
    events.push(...decided.value.events.map((p) => p.event));
  };
  history.forEach(visit);
  return events;
};

export interface Then {
  /** The events decided, in order (deep, strict equality), or a check of them and of the result. */
  then(expected: DomainEvent[] | ((events: DomainEvent[], result: Record<string, unknown>) => void)): void;
  /** Refused with this code (and a message containing `messageContains`); returns the error for more checks. */
  thenRejects(code: ErrorCode, messageContains?: string): DomainError;
}

export const given = (...history: History[]) => {
  const events = record(...history);
  return {
    when: (command: Command, context: DecisionContext = { today: TODAY }): Then => {
      const decided = decideOn(events, command, context);
      return {
        then(expected) {
          if (!decided.ok) throw new Error(`Expected ${command.type} to be accepted, it was refused: ${describeError(decided.error)}`);
          const decidedEvents = decided.value.events.map((p) => p.event);
          if (typeof expected === 'function') expected(decidedEvents, decided.value.result);
          else expect(decidedEvents).toStrictEqual(expected);
        },
        thenRejects(code, messageContains) {
          if (decided.ok)
            throw new Error(`Expected ${command.type} to be refused with ${code}, it was accepted: ${JSON.stringify(decided.value.events.map((p) => p.event))}`);
          expect(decided.error.code).toBe(code);
          if (messageContains !== undefined) expect(decided.error.message).toContain(messageContains);
          return decided.error;
        },
      };
    },
  };
};

/** The single event a command decides (for rules about one field of it). */
export const decidedEvent = <T extends DomainEvent['type']>(history: History[], command: Command, type: T): Extract<DomainEvent, { type: T }> => {
  const decided = decideOn(record(...history), command);
  if (!decided.ok) throw new Error(`${command.type} was refused: ${describeError(decided.error)}`);
  const event = decided.value.events.map((p) => p.event).find((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
  if (!event) throw new Error(`${command.type} decided no ${type}`);
  return event;
};

// ——— Commands, with the defaults of a plain Coodyssée story ———

export const CAE = 'coodyssee';
export const CAE_NAME = 'Coodyssée';

/** Coodyssée: SARL SCOP, contribution 12% of revenue excl. VAT, shares of 25.00, default payroll rates. */
export const registerCae = (data: Partial<RegisterCae> = {}): Command => ({
  type: 'RegisterCae',
  data: {
    caeId: CAE,
    name: CAE_NAME,
    legalForm: 'SARL_SCOP',
    region: "Provence-Alpes-Côte d'Azur",
    contribution: { rate: '0.12', base: 'revenue' },
    shareNominalValue: '25.00',
    ...data,
  },
});

export const integrate = (entrepreneurId: string, integratedOn: IsoDate, data: Partial<IntegrateEntrepreneur> = {}): Command => ({
  type: 'IntegrateEntrepreneur',
  data: {
    caeId: CAE,
    entrepreneurId,
    integratedOn,
    person: { firstName: 'Camille', lastName: 'Martin', gender: 'F', birthYear: 1984, postalCode: '05000', city: 'Gap' },
    activity: { description: 'Graphisme', sector: 'Communication' },
    situationAtEntry: 'unemployed',
    parallelActivity: false,
    ...data,
  },
});

export const signCape = (entrepreneurId: string, signedOn: IsoDate, months: number): Command => ({
  type: 'SignCape',
  data: { caeId: CAE, entrepreneurId, signedOn, months },
});

export const renewCape = (entrepreneurId: string, renewedOn: IsoDate, months: number): Command => ({
  type: 'RenewCape',
  data: { caeId: CAE, entrepreneurId, renewedOn, months },
});

export const signCesa = (entrepreneurId: string, signedOn: IsoDate, data: Partial<SignCesa> = {}): Command => ({
  type: 'SignCesa',
  data: { caeId: CAE, entrepreneurId, signedOn, ...data },
});

export const line = (quantity: string, unitPrice: string, vatRate: InvoiceLine['vatRate'] = '20', description = 'Prestation'): InvoiceLine => ({
  description,
  quantity,
  unitPrice,
  vatRate,
});

/** By default: one line of 1,000.00 excl. VAT at 20% to a company (1,200.00 incl. VAT). */
export const issueInvoice = (entrepreneurId: string, issuedOn: IsoDate, data: Partial<IssueInvoice> = {}): Command => ({
  type: 'IssueInvoice',
  data: {
    caeId: CAE,
    entrepreneurId,
    issuedOn,
    client: { name: 'Hôtel du Col', kind: 'company', postalCode: '05000' },
    lines: [line('1', '1000.00')],
    ...data,
  },
});

export const recordPayment = (invoiceNumber: string, paidOn: IsoDate, amount: string): Command => ({
  type: 'RecordPayment',
  data: { caeId: CAE, invoiceNumber, paidOn, amount },
});

export const recordRefund = (invoiceNumber: string, refundedOn: IsoDate, amount: string): Command => ({
  type: 'RecordRefund',
  data: { caeId: CAE, invoiceNumber, refundedOn, amount },
});

export const issueCreditNote = (invoiceNumber: string, issuedOn: IsoDate, lines?: InvoiceLine[]): Command => ({
  type: 'IssueCreditNote',
  data: { caeId: CAE, invoiceNumber, issuedOn, reason: 'Prestation non réalisée', ...(lines ? { lines } : {}) },
});

export const recordExpense = (entrepreneurId: string, incurredOn: IsoDate, amount: string, data: Partial<RecordExpense> = {}): Command => ({
  type: 'RecordExpense',
  data: { caeId: CAE, entrepreneurId, incurredOn, category: 'Fournitures', amount, vat: '0.00', description: 'Papier', ...data },
});

export const paySalary = (entrepreneurId: string, period: YearMonth, paidOn: IsoDate, gross: string, data: Partial<PaySalary> = {}): Command => ({
  type: 'PaySalary',
  data: { caeId: CAE, entrepreneurId, period, paidOn, gross, hours: '35', ...data },
});

export const recordMeeting = (entrepreneurId: string, heldOn: IsoDate): Command => ({
  type: 'RecordMeeting',
  data: { caeId: CAE, entrepreneurId, heldOn, kind: 'individual', hours: '1.5' },
});

export const exitEntrepreneur = (entrepreneurId: string, exitedOn: IsoDate, reason: ExitReason = 'company_creation'): Command => ({
  type: 'ExitEntrepreneur',
  data: { caeId: CAE, entrepreneurId, exitedOn, reason },
});

/** By default an external associate (a person or body outside the CAE). */
export const admitAssociate = (associateId: string, admittedOn: IsoDate, shares: number, data: Partial<AdmitAssociate> = {}): Command => ({
  type: 'AdmitAssociate',
  data: { caeId: CAE, associateId, admittedOn, shares, category: 'external', person: { name: 'Banque des Alpes' }, ...data },
});

/** An entrepreneur salarié becoming an associate (ESA). */
export const admitEntrepreneur = (associateId: string, entrepreneurId: string, admittedOn: IsoDate, shares = 1): Command => ({
  type: 'AdmitAssociate',
  data: { caeId: CAE, associateId, admittedOn, shares, category: 'entrepreneur', entrepreneurId },
});

export const forget = (kind: PersonKind, personId: string): Command => ({ type: 'ForgetPerson', data: { caeId: CAE, kind, personId } });

export const redeemShares = (associateId: string, redeemedOn: IsoDate, shares: number): Command => ({
  type: 'RedeemShares',
  data: { caeId: CAE, associateId, redeemedOn, shares },
});

// ——— Histories ———

/** Coodyssée registered and Alice integrated on 4 Jan 2016. */
export const aliceIntegrated: readonly History[] = [registerCae(), integrate('alice', '2016-01-04')];

/** Alice under a 6-month CAPE from 4 Jan 2016 (last day 3 Jul 2016). */
export const aliceUnderCape: readonly History[] = [...aliceIntegrated, signCape('alice', '2016-01-04', 6)];

/** Alice an entrepreneur salariée from her first day (CESA on 4 Jan 2016, no CAPE). */
export const aliceUnderCesa: readonly History[] = [...aliceIntegrated, signCesa('alice', '2016-01-04')];

/** Under her CESA, Alice invoiced 1,000.00 + 20% VAT on 11 Jan 2016: invoice 2016-000001 (1,200.00). */
export const aliceInvoiced: readonly History[] = [...aliceUnderCesa, issueInvoice('alice', '2016-01-11')];

import type { Command, ForgetPerson } from './commands';
import { forgetPerson, recordInformationSession, recordIntakeInterview, recordSubsidy, registerCae } from './deciders/cae';
import type { Decided, DecisionContext, DecisionState } from './deciders/decision';
import {
  exitEntrepreneur,
  integrateEntrepreneur,
  paySalary,
  recordExpense,
  recordMeeting,
  renewCape,
  signCape,
  signCesa,
} from './deciders/entrepreneur';
import { issueCreditNote, issueInvoice, recordPayment, recordRefund } from './deciders/invoicing';
import { admitAssociate, redeemShares } from './deciders/membership';
import { yearOf } from './dates';
import { seriesYearOf } from './streams';

/** decide(command, state) → events | error: the whole domain contract, pure. */
export const decide = (command: Command, state: DecisionState, context: DecisionContext): Decided => {
  switch (command.type) {
    case 'RegisterCae':
      return registerCae(command.data, state);
    case 'RecordInformationSession':
      return recordInformationSession(command.data, state);
    case 'RecordIntakeInterview':
      return recordIntakeInterview(command.data, state);
    case 'RecordSubsidy':
      return recordSubsidy(command.data, state);
    case 'ForgetPerson':
      return forgetPerson(command.data, state, context);
    case 'IntegrateEntrepreneur':
      return integrateEntrepreneur(command.data, state);
    case 'SignCape':
      return signCape(command.data, state);
    case 'RenewCape':
      return renewCape(command.data, state);
    case 'SignCesa':
      return signCesa(command.data, state);
    case 'RecordExpense':
      return recordExpense(command.data, state);
    case 'PaySalary':
      return paySalary(command.data, state);
    case 'RecordMeeting':
      return recordMeeting(command.data, state);
    case 'ExitEntrepreneur':
      return exitEntrepreneur(command.data, state);
    case 'IssueInvoice':
      return issueInvoice(command.data, state);
    case 'IssueCreditNote':
      return issueCreditNote(command.data, state);
    case 'RecordPayment':
      return recordPayment(command.data, state);
    case 'RecordRefund':
      return recordRefund(command.data, state);
    case 'AdmitAssociate':
      return admitAssociate(command.data, state);
    case 'RedeemShares':
      return redeemShares(command.data, state);
  }
};

/** A consistency boundary: one stream each (streams.ts). */
export type Boundary = 'cae' | 'entrepreneur' | 'series' | 'associate';

/**
 * Which aggregates a command is decided against. Every stream a command writes is among them, so its
 * expected revision is the one read; `document` names an invoice whose series tells the entrepreneur.
 */
export interface LoadPlan {
  caeId: string;
  /** The boundaries the command appends to (its turn, its expected revisions); the others are only read. */
  writes: readonly Boundary[];
  entrepreneurId?: string;
  /** The invoice a payment, refund or credit note refers to: its series is read to find the entrepreneur. */
  document?: { number: string; seriesYear: number };
  /** The series that receives a new number. */
  seriesYear?: number;
  associateId?: string;
}

export const planOf = (command: Command): LoadPlan => {
  const { caeId } = command.data;
  switch (command.type) {
    case 'RegisterCae':
    case 'RecordInformationSession':
    case 'RecordIntakeInterview':
    case 'RecordSubsidy':
      return { caeId, writes: ['cae'] };
    case 'ForgetPerson':
      return forgetPlan(command.data);
    case 'IntegrateEntrepreneur':
    case 'SignCape':
    case 'RenewCape':
    case 'SignCesa':
    case 'RecordExpense':
    case 'PaySalary':
    case 'RecordMeeting':
    case 'ExitEntrepreneur':
      return { caeId, entrepreneurId: command.data.entrepreneurId, writes: ['entrepreneur'] };
    case 'IssueInvoice':
      return { caeId, entrepreneurId: command.data.entrepreneurId, seriesYear: yearOf(command.data.issuedOn), writes: ['entrepreneur', 'series'] };
    case 'IssueCreditNote':
      return {
        caeId,
        document: { number: command.data.invoiceNumber, seriesYear: seriesYearOf(command.data.invoiceNumber) },
        seriesYear: yearOf(command.data.issuedOn),
        writes: ['entrepreneur', 'series'],
      };
    case 'RecordPayment':
    case 'RecordRefund':
      return { caeId, document: { number: command.data.invoiceNumber, seriesYear: seriesYearOf(command.data.invoiceNumber) }, writes: ['entrepreneur'] };
    case 'AdmitAssociate':
      return {
        caeId,
        associateId: command.data.associateId,
        ...(command.data.entrepreneurId !== undefined ? { entrepreneurId: command.data.entrepreneurId } : {}),
        writes: ['associate'],
      };
    case 'RedeemShares':
      return { caeId, associateId: command.data.associateId, writes: ['associate'] };
  }
};

/** The person's own stream is read; a private client's through the invoice's series, then its entrepreneur, who knows the client's kind. The erasure is recorded in the CAE. */
const forgetPlan = ({ caeId, kind, personId }: ForgetPerson): LoadPlan => {
  switch (kind) {
    case 'entrepreneur':
      return { caeId, entrepreneurId: personId, writes: ['cae'] };
    case 'associate':
      return { caeId, associateId: personId, writes: ['cae'] };
    case 'client':
      return { caeId, document: { number: personId, seriesYear: seriesYearOf(personId) }, writes: ['cae'] };
  }
};

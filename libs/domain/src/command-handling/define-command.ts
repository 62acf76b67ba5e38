import { seriesYearOf } from '../streams';
import type { Described } from '../validation/results';
import type { Schema } from '../validation/schema';
import type { Decided, DecisionContext, DecisionState } from './decision';

/** A consistency boundary: one stream each (streams.ts). */
export type Boundary = 'cae' | 'entrepreneur' | 'series' | 'associate' | 'access' | 'client';

/**
 * Which aggregates a command is decided against, and which it writes. Every stream written is among those read,
 * so its expected revision is the one read; `document` names an invoice whose series tells the entrepreneur.
 */
export interface LoadPlan {
  caeId: string;
  /** The boundaries the command appends to (its turn, its expected revisions); the others are only read. */
  writes: readonly Boundary[];
  entrepreneurId?: string;
  /** The invoice a payment, refund or credit note refers to: its series is read to find the entrepreneur. */
  document?: { number: string; seriesYear: number };
  /** The series that receives a new number: the invoices' (credit notes too), or the quotes'. */
  seriesYear?: number;
  seriesKind?: 'quote';
  associateId?: string;
  /** The directory's client a command registers or invoices. */
  clientId?: string;
  /** The account whose access in the CAE a command grants or revokes. */
  accountId?: string;
}

/** Everything the handler and the API need of one command type, declared once in its slice. */
export interface CommandDefinition<C, R = Record<string, unknown>> {
  schema: Schema<C>;
  /** What an accepted command answers besides its events: `decide`'s result is typed by it, the OpenAPI `<Type>Result` generated from it. */
  result: Described<R>;
  plan: (command: C) => LoadPlan;
  decide: (command: C, state: DecisionState, context: DecisionContext) => Decided<R>;
}

/** The definitions of a map of command types to their data. */
export type CommandDefinitions<M> = { [T in keyof M]: CommandDefinition<M[T]> };

// The result's type comes from `result` alone: a decider that answers something else does not compile.
export const defineCommand = <C, R>(
  schema: Schema<C>,
  how: { result: Described<R>; plan: (command: C) => LoadPlan; decide: (command: C, state: DecisionState, context: DecisionContext) => Decided<NoInfer<R>> },
): CommandDefinition<C, R> => ({ schema, ...how });

/** Commands recorded in the CAE's own stream, naming nothing else. */
export const inTheCae = ({ caeId }: { caeId: string }): LoadPlan => ({ caeId, writes: ['cae'] });

/** Commands about one entrepreneur, recorded in their stream. */
export const ofTheEntrepreneur = ({ caeId, entrepreneurId }: { caeId: string; entrepreneurId: string }): LoadPlan => ({
  caeId,
  entrepreneurId,
  writes: ['entrepreneur'],
});

/** The invoice a command refers to, found through its series. */
export const invoiceDocument = (invoiceNumber: string): LoadPlan['document'] => ({ number: invoiceNumber, seriesYear: seriesYearOf(invoiceNumber) });

/** The quote a command refers to, found through its series. */
export const quoteDocument = invoiceDocument;

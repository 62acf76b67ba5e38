import { alreadyForgotten, caeNotFound, decided, entrepreneurNotFound, type Decided, type DecisionContext, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, invoiceDocument, type LoadPlan } from '../command-handling/define-command';
import { forgottenOn } from '../cae/state';
import type { Refusal } from '../entrepreneur/presence';
import { refuse } from '../errors';
import { INVOICE_NUMBER, QUOTE_NUMBER } from '../validation/fields';
import { caeStream } from '../streams';
import { forgetPersonResult, forgetPersonSchema, type ForgetPerson, type ForgetPersonResult, type ForgettingCommands } from './commands';

/** personalDataHeld: only a person whose personal data the CAE holds (and the decision state shows) can be forgotten. */
const personalDataHeld = (c: ForgetPerson, s: DecisionState): Refusal | undefined => {
  switch (c.kind) {
    case 'entrepreneur':
      return s.entrepreneur && s.entrepreneur.integration > 0 ? undefined : entrepreneurNotFound(c.caeId, c.personId);
    case 'associate':
      if (s.associate?.category === undefined)
        return refuse('NOT_FOUND', `Associate "${c.personId}" has never been admitted in CAE "${c.caeId}".`, { caeId: c.caeId, associateId: c.personId });
      return s.associate.holdsPersonalData
        ? undefined
        : refuse('NOT_FOUND', `Associate "${c.personId}" is an entrepreneur associate: their personal data is the entrepreneur's; forget the entrepreneur (kind "entrepreneur").`, {
            caeId: c.caeId,
            associateId: c.personId,
          });
    case 'client': {
      if (QUOTE_NUMBER.test(c.personId)) {
        const quote = s.entrepreneur?.quotes?.[c.personId];
        if (quote === undefined) return refuse('NOT_FOUND', `Quote "${c.personId}" does not exist in CAE "${c.caeId}".`, { caeId: c.caeId, quoteNumber: c.personId });
        return quote.clientKind === 'individual' ? undefined : refuse('NOT_FOUND', `The client of quote "${c.personId}" is a ${quote.clientKind}, not a private individual: it holds no personal data.`, { caeId: c.caeId, quoteNumber: c.personId });
      }
      if (!INVOICE_NUMBER.test(c.personId)) {
        if (!s.client?.registered) return refuse('NOT_FOUND', `Client "${c.personId}" is not in the directory of CAE "${c.caeId}".`, { caeId: c.caeId, clientId: c.personId });
        return s.client.client.kind === 'individual'
          ? undefined
          : refuse('NOT_FOUND', `Client "${c.personId}" is a ${s.client.client.kind}, not a private individual: it holds no personal data.`, { caeId: c.caeId, clientId: c.personId, clientKind: s.client.client.kind });
      }
      const invoice = s.document?.document === 'invoice' ? s.entrepreneur?.invoices[c.personId] : undefined;
      if (invoice === undefined) return refuse('NOT_FOUND', `Invoice "${c.personId}" does not exist in CAE "${c.caeId}".`, { caeId: c.caeId, invoiceNumber: c.personId });
      return invoice.clientKind === 'individual'
        ? undefined
        : refuse('NOT_FOUND', `The client of invoice "${c.personId}" is a ${invoice.clientKind}, not a private individual: it holds no personal data.`, {
            caeId: c.caeId,
            invoiceNumber: c.personId,
            clientKind: invoice.clientKind,
          });
    }
  }
};

/** The key is destroyed by the application once this is accepted; the log records that the erasure happened, without any data. */
export const forgetPerson = (c: ForgetPerson, s: DecisionState, ctx: DecisionContext): Decided<ForgetPersonResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const unknown = personalDataHeld(c, s);
  if (unknown) return unknown;
  const forgotten = forgottenOn(s.cae, c.kind, c.personId);
  if (forgotten !== undefined) return alreadyForgotten(c.kind, c.personId, forgotten);
  return decided(
    [{ streamId: caeStream(c.caeId), event: { type: 'PersonForgotten', data: { caeId: c.caeId, kind: c.kind, personId: c.personId, forgottenOn: ctx.today } } }],
    { kind: c.kind, personId: c.personId },
  );
};

/** The person's own stream is read; a private client's through the invoice's series, then its entrepreneur, who knows the client's kind. The erasure is recorded in the CAE. */
const forgetPlan = ({ caeId, kind, personId }: ForgetPerson): LoadPlan => {
  switch (kind) {
    case 'entrepreneur':
      return { caeId, entrepreneurId: personId, writes: ['cae'] };
    case 'associate':
      return { caeId, associateId: personId, writes: ['cae'] };
    case 'client':
      // A directory client by its id, an inline one by its invoice's or its quote's number.
      return INVOICE_NUMBER.test(personId) || QUOTE_NUMBER.test(personId) ? { caeId, document: invoiceDocument(personId), writes: ['cae'] } : { caeId, clientId: personId, writes: ['cae'] };
  }
};

export const FORGETTING_COMMANDS: CommandDefinitions<ForgettingCommands> = {
  ForgetPerson: defineCommand(forgetPersonSchema, { result: forgetPersonResult, plan: forgetPlan, decide: forgetPerson }),
};

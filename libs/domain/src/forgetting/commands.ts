import { obj, oneOf } from '../validation/schema';
import { id, INVOICE_NUMBER, type Infer } from '../validation/fields';
import { choice, commandResult, formOf, type ResultOf } from '../validation/results';

/** The kinds of person whose data the system holds: each kind names its people by its own ids (personal-data.ts). */
export const PERSON_KINDS = ['entrepreneur', 'associate', 'client'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/**
 * Erases a person's personal data by destroying their key. personId: the entrepreneurId, the associateId of a
 * staff or external associate, or for a private client the number of the invoice it was invoiced under.
 */
export const forgetPersonSchema = obj(
  { caeId: id(), kind: oneOf(PERSON_KINDS), personId: id() },
  // A private client is known by the invoice it was invoiced under.
  ({ kind, personId }, _raw, report) => {
    if (kind === 'client' && personId !== undefined && !INVOICE_NUMBER.test(personId)) report('personId', 'must be an invoice number YYYY-NNNNNN when kind is client');
  },
);
export type ForgetPerson = Infer<typeof forgetPersonSchema>;

export const forgetPersonResult = commandResult(
  { kind: choice(PERSON_KINDS), personId: formOf(id(), 'the entrepreneurId, the associateId, or the invoice number of a private client') },
  { kind: 'entrepreneur', personId: 'e-001' },
  'the person whose personal data is now erased',
);
export type ForgetPersonResult = ResultOf<typeof forgetPersonResult>;

/** The data of this slice's commands, by type. */
export interface ForgettingCommands {
  ForgetPerson: ForgetPerson;
}

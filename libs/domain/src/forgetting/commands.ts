import { obj, oneOf } from '../validation/schema';
import { id, type Infer } from '../validation/fields';
import { choice, commandResult, formOf, type ResultOf } from '../validation/results';

/** The kinds of person whose data the system holds: each kind names its people by its own ids (personal-data.ts). */
export const PERSON_KINDS = ['entrepreneur', 'associate', 'client'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/**
 * Erases a person's personal data by destroying their key. personId: the entrepreneurId, the associateId of a
 * staff or external associate, or for a private client the clientId of the directory or the number of the invoice
 * it was invoiced under inline.
 */
export const forgetPersonSchema = obj({ caeId: id(), kind: oneOf(PERSON_KINDS), personId: id() });
export type ForgetPerson = Infer<typeof forgetPersonSchema>;

export const forgetPersonResult = commandResult(
  { kind: choice(PERSON_KINDS), personId: formOf(id(), 'the entrepreneurId, the associateId, or a private client\'s clientId or invoice number') },
  { kind: 'entrepreneur', personId: 'e-001' },
  'the person whose personal data is now erased',
);
export type ForgetPersonResult = ResultOf<typeof forgetPersonResult>;

/** The data of this slice's commands, by type. */
export interface ForgettingCommands {
  ForgetPerson: ForgetPerson;
}

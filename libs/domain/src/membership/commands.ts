import { associatePerson } from '../persons';
import { date, isAbsent, obj, oneOf, optional } from '../validation/schema';
import { id, shares, type Infer } from '../validation/fields';
import { amount, commandResult, count, flag, type ResultOf } from '../validation/results';

export const ASSOCIATE_CATEGORIES = ['entrepreneur', 'staff', 'external'] as const;
export type AssociateCategory = (typeof ASSOCIATE_CATEGORIES)[number];

export const admitAssociateSchema = obj(
  {
    caeId: id(),
    associateId: id(),
    admittedOn: date(),
    shares: shares(),
    category: oneOf(ASSOCIATE_CATEGORIES),
    entrepreneurId: optional(id()),
    person: optional(associatePerson),
  },
  // An entrepreneur associate is known by their id; anyone else brings their (sealed) personal data.
  ({ category }, raw, report) => {
    if (category === undefined) return;
    const [needed, forbidden] = category === 'entrepreneur' ? ['entrepreneurId', 'person'] : ['person', 'entrepreneurId'];
    if (isAbsent(raw[needed])) report(needed, `is required when category is ${category}`);
    if (!isAbsent(raw[forbidden])) report(forbidden, `is not allowed when category is ${category}`);
  },
);
export type AdmitAssociate = Infer<typeof admitAssociateSchema>;

export const admitAssociateResult = commandResult(
  { shares: count('the shares subscribed', { min: 1 }), amount: amount('shares × nominal value: the capital subscribed') },
  { shares: 20, amount: '500.00' },
);
export type AdmitAssociateResult = ResultOf<typeof admitAssociateResult>;

export const redeemSharesSchema = obj({ caeId: id(), associateId: id(), redeemedOn: date(), shares: shares() });
export type RedeemShares = Infer<typeof redeemSharesSchema>;

export const redeemSharesResult = commandResult(
  { remainingShares: count('the shares still held'), amount: amount('shares × nominal value: what is repaid'), leftAssociation: flag('no share left') },
  { remainingShares: 0, amount: '500.00', leftAssociation: true },
);
export type RedeemSharesResult = ResultOf<typeof redeemSharesResult>;

/** The data of this slice's commands, by type. */
export interface MembershipCommands {
  AdmitAssociate: AdmitAssociate;
  RedeemShares: RedeemShares;
}

import { forgottenOn } from '../cae/state';
import { alreadyForgotten, caeNotFound, decided, entrepreneurNotFound, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions } from '../command-handling/define-command';
import { cesaInForceOn } from '../entrepreneur/state';
import type { Refusal } from '../entrepreneur/presence';
import { refuse } from '../errors';
import { formatMoney, money } from '../money';
import { associateStream } from '../streams';
import {
  admitAssociateResult,
  admitAssociateSchema,
  redeemSharesResult,
  redeemSharesSchema,
  type AdmitAssociate,
  type AdmitAssociateResult,
  type MembershipCommands,
  type RedeemShares,
  type RedeemSharesResult,
} from './commands';
import type { AssociateState } from './state';

/** Membership (sociétariat): shares fully paid at nominal value, repaid at nominal value on redemption. */

/** associateRequiresCesa: an entrepreneur becomes an associate only under a CESA in force on the admission date. */
const associateRequiresCesa = (c: AdmitAssociate, s: DecisionState): Refusal | undefined => {
  if (c.category !== 'entrepreneur') return undefined;
  const entrepreneur = s.entrepreneur;
  if (!entrepreneur || entrepreneur.integration === 0) return entrepreneurNotFound(c.caeId, c.entrepreneurId ?? '');
  if (!cesaInForceOn(entrepreneur, c.admittedOn))
    return refuse('ASSOCIATE_REQUIRES_CESA', `${c.entrepreneurId} is not under a CESA on ${c.admittedOn}: only an entrepreneur salarié becomes an associate as an entrepreneur.`);
  return undefined;
};

/** sharesHeld: only an associate still holding shares redeems, and at most the shares they hold. */
const sharesHeld = (c: RedeemShares, a: AssociateState | undefined): AssociateState | Refusal => {
  if (!a || a.category === undefined) return refuse('NOT_FOUND', `${c.associateId} has never been an associate of CAE "${c.caeId}".`, { associateId: c.associateId });
  if (a.shares === 0) return refuse('NOT_AN_ASSOCIATE', `${c.associateId} holds no shares any more.`);
  if (c.shares > a.shares)
    return refuse('SHARES_EXCEED_HOLDING', `${c.associateId} holds ${a.shares} shares and cannot redeem ${c.shares}.`, { held: a.shares, requested: c.shares });
  return a;
};

export const admitAssociate = (c: AdmitAssociate, s: DecisionState): Decided<AdmitAssociateResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const forgotten = c.person === undefined ? undefined : forgottenOn(s.cae, 'associate', c.associateId);
  if (forgotten !== undefined) return alreadyForgotten('associate', c.associateId, forgotten);
  const a = s.associate;
  if (a && a.shares > 0)
    return refuse('ASSOCIATE_ALREADY_ADMITTED', `${c.associateId} is already an associate (${a.shares} shares since ${a.admittedOn}).`, {
      shares: a.shares,
    });
  if (a?.lastMovementOn !== undefined && c.admittedOn < a.lastMovementOn)
    return refuse('DATE_OUT_OF_ORDER', `The register of share movements is chronological: its last movement for ${c.associateId} is on ${a.lastMovementOn}.`);
  const notSalarie = associateRequiresCesa(c, s);
  if (notSalarie) return notSalarie;
  const nominalValue = s.cae.shareNominalValue;
  const amount = formatMoney(money(nominalValue).times(c.shares));
  return decided(
    [
      {
        streamId: associateStream(c.caeId, c.associateId),
        event: {
          type: 'AssociateAdmitted',
          data: {
            caeId: c.caeId,
            associateId: c.associateId,
            admittedOn: c.admittedOn,
            category: c.category,
            shares: c.shares,
            nominalValue,
            amount,
            ...(c.entrepreneurId !== undefined ? { entrepreneurId: c.entrepreneurId } : {}),
            ...(c.person !== undefined ? { person: c.person } : {}),
          },
        },
      },
    ],
    { shares: c.shares, amount },
  );
};

export const redeemShares = (c: RedeemShares, s: DecisionState): Decided<RedeemSharesResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const a = sharesHeld(c, s.associate);
  if ('ok' in a) return a;
  if (a.lastMovementOn !== undefined && c.redeemedOn < a.lastMovementOn)
    return refuse('DATE_OUT_OF_ORDER', `The register of share movements is chronological: the last movement for ${c.associateId} is on ${a.lastMovementOn}.`);
  const nominalValue = s.cae.shareNominalValue;
  const amount = formatMoney(money(nominalValue).times(c.shares));
  const remainingShares = a.shares - c.shares;
  return decided(
    [
      {
        streamId: associateStream(c.caeId, c.associateId),
        event: {
          type: 'SharesRedeemed',
          data: {
            caeId: c.caeId,
            associateId: c.associateId,
            redeemedOn: c.redeemedOn,
            shares: c.shares,
            nominalValue,
            amount,
            remainingShares,
            leftAssociation: remainingShares === 0,
          },
        },
      },
    ],
    { remainingShares, amount, leftAssociation: remainingShares === 0 },
  );
};

/** An associate's register is written; an entrepreneur associate's own stream is only read (for the CESA). */
export const MEMBERSHIP_COMMANDS: CommandDefinitions<MembershipCommands> = {
  AdmitAssociate: defineCommand(admitAssociateSchema, {
    result: admitAssociateResult,
    plan: (c) => ({ caeId: c.caeId, associateId: c.associateId, ...(c.entrepreneurId !== undefined ? { entrepreneurId: c.entrepreneurId } : {}), writes: ['associate'] }),
    decide: admitAssociate,
  }),
  RedeemShares: defineCommand(redeemSharesSchema, { result: redeemSharesResult, plan: (c) => ({ caeId: c.caeId, associateId: c.associateId, writes: ['associate'] }), decide: redeemShares }),
};

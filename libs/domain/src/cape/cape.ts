import { decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, ofTheEntrepreneur } from '../command-handling/define-command';
import { addDays, addMonths } from '../dates';
import { emit, isRefusal, presentOn } from '../entrepreneur/presence';
import { refuse } from '../errors';
import type { IsoDate } from '../values';
import {
  renewCapeResult,
  renewCapeSchema,
  signCapeResult,
  signCapeSchema,
  type CapeCommands,
  type RenewCape,
  type RenewCapeResult,
  type SignCape,
  type SignCapeResult,
} from './commands';
import { CAPE_MAX_MONTHS, CAPE_MAX_RENEWALS, CAPE_MAX_TOTAL_MONTHS } from './limits';

// The CAPE's limits are in limits.ts, where RenewCape's result (commands.ts) reads them too without an import cycle.
export { CAPE_MAX_MONTHS, CAPE_MAX_RENEWALS, CAPE_MAX_TOTAL_MONTHS };

/** capeDuration: a CAPE, and each renewal, lasts 1 to 12 months. */
const capeDuration = (months: number) =>
  months >= 1 && months <= CAPE_MAX_MONTHS
    ? undefined
    : refuse('CAPE_DURATION_INVALID', `A CAPE lasts 1 to ${CAPE_MAX_MONTHS} months, not ${months}.`, { months, max: CAPE_MAX_MONTHS });

/** capeRenewals: renewable twice, so 36 months in all at most. */
const capeRenewals = (cape: { renewals: number; totalMonths: number }, months: number) =>
  cape.renewals < CAPE_MAX_RENEWALS
    ? undefined
    : refuse(
        'CAPE_LIMIT_EXCEEDED',
        `A CAPE is renewable ${CAPE_MAX_RENEWALS} times and lasts ${CAPE_MAX_TOTAL_MONTHS} months in all: ${cape.renewals} renewal(s) and ${cape.totalMonths} months so far.`,
        { renewals: cape.renewals, totalMonths: cape.totalMonths, requestedMonths: months },
      );

/** Last day of a contract of `months` months starting on `from`. */
const contractEnd = (from: IsoDate, months: number): IsoDate => addDays(addMonths(from, months), -1);

export const signCape = (c: SignCape, s: DecisionState): Decided<SignCapeResult> => {
  const entrepreneur = presentOn(c, s, c.signedOn);
  if (isRefusal(entrepreneur)) return entrepreneur;
  const badDuration = capeDuration(c.months);
  if (badDuration) return badDuration;
  if (entrepreneur.cesa) return refuse('CESA_ALREADY_SIGNED', `${c.entrepreneurId} is already under a CESA; a CAPE cannot follow it.`);
  if (entrepreneur.cape)
    return refuse('CAPE_ALREADY_SIGNED', `${c.entrepreneurId} already has a CAPE (until ${entrepreneur.cape.endsOn}); extend it with RenewCape.`, {
      endsOn: entrepreneur.cape.endsOn,
    });
  const endsOn = contractEnd(c.signedOn, c.months);
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'CapeSigned',
        data: { caeId: c.caeId, entrepreneurId: c.entrepreneurId, signedOn: c.signedOn, months: c.months, endsOn, totalMonths: c.months },
      }),
    ],
    { endsOn },
  );
};

export const renewCape = (c: RenewCape, s: DecisionState): Decided<RenewCapeResult> => {
  const entrepreneur = presentOn(c, s, c.renewedOn);
  if (isRefusal(entrepreneur)) return entrepreneur;
  const badDuration = capeDuration(c.months);
  if (badDuration) return badDuration;
  if (entrepreneur.cesa) return refuse('CESA_ALREADY_SIGNED', `${c.entrepreneurId} is under a CESA; there is no CAPE to renew.`);
  if (!entrepreneur.cape) return refuse('CAPE_NOT_SIGNED', `${c.entrepreneurId} has no CAPE to renew.`);
  if (c.renewedOn < entrepreneur.cape.lastSignedOn)
    return refuse('DATE_OUT_OF_ORDER', `The renewal cannot predate the last signature (${entrepreneur.cape.lastSignedOn}).`, { lastSignedOn: entrepreneur.cape.lastSignedOn });
  if (c.renewedOn > entrepreneur.cape.endsOn)
    return refuse('CAPE_ENDED', `The CAPE ended on ${entrepreneur.cape.endsOn}; it can only be renewed before its end.`, { endsOn: entrepreneur.cape.endsOn });
  const overRenewed = capeRenewals(entrepreneur.cape, c.months);
  if (overRenewed) return overRenewed;
  const endsOn = contractEnd(addDays(entrepreneur.cape.endsOn, 1), c.months);
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'CapeRenewed',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          renewedOn: c.renewedOn,
          months: c.months,
          renewal: entrepreneur.cape.renewals + 1,
          previousEndsOn: entrepreneur.cape.endsOn,
          endsOn,
          totalMonths: entrepreneur.cape.totalMonths + c.months,
        },
      }),
    ],
    { endsOn, renewal: entrepreneur.cape.renewals + 1 },
  );
};


export const CAPE_COMMANDS: CommandDefinitions<CapeCommands> = {
  SignCape: defineCommand(signCapeSchema, { result: signCapeResult, plan: ofTheEntrepreneur, decide: signCape }),
  RenewCape: defineCommand(renewCapeSchema, { result: renewCapeResult, plan: ofTheEntrepreneur, decide: renewCape }),
};

import { decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, ofTheEntrepreneur } from '../command-handling/define-command';
import { addDays, addMonths } from '../dates';
import { emit, isRefusal, presentOn } from '../entrepreneur/presence';
import { refuse } from '../errors';
import type { IsoDate } from '../values';
import { renewCapeSchema, signCapeSchema, type RenewCape, type SignCape, type CapeCommands } from './commands';

/** CAPE (contrat d'appui au projet d'entreprise, C. com. L127-1): 12 months at most, renewable twice, 36 in all. */
export const CAPE_MAX_MONTHS = 12;
export const CAPE_MAX_RENEWALS = 2;
export const CAPE_MAX_TOTAL_MONTHS = 36;

const capeDurationInvalid = (months: number) =>
  refuse('CAPE_DURATION_INVALID', `A CAPE lasts 1 to ${CAPE_MAX_MONTHS} months, not ${months}.`, { months, max: CAPE_MAX_MONTHS });

/** Last day of a contract of `months` months starting on `from`. */
const contractEnd = (from: IsoDate, months: number): IsoDate => addDays(addMonths(from, months), -1);

export const signCape = (c: SignCape, s: DecisionState): Decided => {
  const e = presentOn(c, s, c.signedOn);
  if (isRefusal(e)) return e;
  if (c.months < 1 || c.months > CAPE_MAX_MONTHS) return capeDurationInvalid(c.months);
  if (e.cesa) return refuse('CESA_ALREADY_SIGNED', `${c.entrepreneurId} is already under a CESA; a CAPE cannot follow it.`);
  if (e.cape)
    return refuse('CAPE_ALREADY_SIGNED', `${c.entrepreneurId} already has a CAPE (until ${e.cape.endsOn}); extend it with RenewCape.`, {
      endsOn: e.cape.endsOn,
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

export const renewCape = (c: RenewCape, s: DecisionState): Decided => {
  const e = presentOn(c, s, c.renewedOn);
  if (isRefusal(e)) return e;
  if (c.months < 1 || c.months > CAPE_MAX_MONTHS) return capeDurationInvalid(c.months);
  if (e.cesa) return refuse('CESA_ALREADY_SIGNED', `${c.entrepreneurId} is under a CESA; there is no CAPE to renew.`);
  if (!e.cape) return refuse('CAPE_NOT_SIGNED', `${c.entrepreneurId} has no CAPE to renew.`);
  if (c.renewedOn < e.cape.lastSignedOn)
    return refuse('DATE_OUT_OF_ORDER', `The renewal cannot predate the last signature (${e.cape.lastSignedOn}).`, { lastSignedOn: e.cape.lastSignedOn });
  if (c.renewedOn > e.cape.endsOn)
    return refuse('CAPE_ENDED', `The CAPE ended on ${e.cape.endsOn}; it can only be renewed before its end.`, { endsOn: e.cape.endsOn });
  if (e.cape.renewals >= CAPE_MAX_RENEWALS || e.cape.totalMonths + c.months > CAPE_MAX_TOTAL_MONTHS)
    return refuse(
      'CAPE_LIMIT_EXCEEDED',
      `A CAPE is renewable ${CAPE_MAX_RENEWALS} times and lasts ${CAPE_MAX_TOTAL_MONTHS} months in all: ${e.cape.renewals} renewal(s) and ${e.cape.totalMonths} months so far.`,
      { renewals: e.cape.renewals, totalMonths: e.cape.totalMonths, requestedMonths: c.months },
    );
  const endsOn = contractEnd(addDays(e.cape.endsOn, 1), c.months);
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'CapeRenewed',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          renewedOn: c.renewedOn,
          months: c.months,
          renewal: e.cape.renewals + 1,
          previousEndsOn: e.cape.endsOn,
          endsOn,
          totalMonths: e.cape.totalMonths + c.months,
        },
      }),
    ],
    { endsOn, renewal: e.cape.renewals + 1 },
  );
};


export const CAPE_COMMANDS: CommandDefinitions<CapeCommands> = {
  SignCape: defineCommand(signCapeSchema, { plan: ofTheEntrepreneur, decide: signCape }),
  RenewCape: defineCommand(renewCapeSchema, { plan: ofTheEntrepreneur, decide: renewCape }),
};

import { decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, ofTheEntrepreneur } from '../command-handling/define-command';
import { addDays, addMonths, addYears, daysBetween, minDate } from '../dates';
import { emit, isRefusal, presentOn } from '../entrepreneur/presence';
import { refuse } from '../errors';
import { signCesaResult, signCesaSchema, type CesaCommands, type SignCesa, type SignCesaResult } from './commands';

/** CESA trial period: 8 months at most, minus the time already spent under a CAPE. */
export const CESA_MAX_TRIAL_MONTHS = 8;
/** An entrepreneur salarié must become an associate within 3 years of the CESA, minus CAPE time (C. trav. L7331-3). */
export const ASSOCIATE_DEADLINE_YEARS = 3;

export const signCesa = (c: SignCesa, s: DecisionState): Decided<SignCesaResult> => {
  const entrepreneur = presentOn(c, s, c.signedOn);
  if (isRefusal(entrepreneur)) return entrepreneur;
  if (entrepreneur.cesa) return refuse('CESA_ALREADY_SIGNED', `${c.entrepreneurId} has been under a CESA since ${entrepreneur.cesa.signedOn}.`, { signedOn: entrepreneur.cesa.signedOn });
  if (entrepreneur.cape && c.signedOn < entrepreneur.cape.lastSignedOn)
    return refuse('DATE_OUT_OF_ORDER', `The CESA cannot predate the last CAPE signature (${entrepreneur.cape.lastSignedOn}).`);
  // CAPE time actually spent: from its first signature to its end, or to the CESA if signed earlier.
  const capeDays = entrepreneur.cape ? Math.max(0, daysBetween(entrepreneur.cape.firstSignedOn, minDate(addDays(entrepreneur.cape.endsOn, 1), c.signedOn))) : 0;
  const associateDeadline = addDays(addYears(c.signedOn, ASSOCIATE_DEADLINE_YEARS), -capeDays);
  const trialEnd = addDays(addMonths(c.signedOn, CESA_MAX_TRIAL_MONTHS), -capeDays);
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'CesaSigned',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          signedOn: c.signedOn,
          ...(c.fixedMonthlyGross !== undefined ? { fixedMonthlyGross: c.fixedMonthlyGross } : {}),
          capeDays,
          associateDeadline,
          ...(trialEnd > c.signedOn ? { trialPeriodEndsOn: trialEnd } : {}),
        },
      }),
    ],
    { associateDeadline },
  );
};


export const CESA_COMMANDS: CommandDefinitions<CesaCommands> = {
  SignCesa: defineCommand(signCesaSchema, { result: signCesaResult, plan: ofTheEntrepreneur, decide: signCesa }),
};

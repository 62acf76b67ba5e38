import { date, int, obj } from '../validation/schema';
import { id, type Infer } from '../validation/fields';
import { commandResult, count, day, type ResultOf } from '../validation/results';
import { CAPE_MAX_RENEWALS } from './limits';

// months > 12 passes here: the domain refuses it with CAPE_DURATION_INVALID (capeDuration).
export const signCapeSchema = obj({ caeId: id(), entrepreneurId: id(), signedOn: date(), months: int({ min: 1 }) });
export type SignCape = Infer<typeof signCapeSchema>;

export const signCapeResult = commandResult({ endsOn: day('the CAPE\'s last day') }, { endsOn: '2017-01-10' });
export type SignCapeResult = ResultOf<typeof signCapeResult>;

export const renewCapeSchema = obj({ caeId: id(), entrepreneurId: id(), renewedOn: date(), months: int({ min: 1 }) });
export type RenewCape = Infer<typeof renewCapeSchema>;

export const renewCapeResult = commandResult(
  { endsOn: day('the renewed CAPE\'s last day'), renewal: count('which renewal this is: 1 for the first', { min: 1, max: CAPE_MAX_RENEWALS }) },
  { endsOn: '2018-01-10', renewal: 1 },
);
export type RenewCapeResult = ResultOf<typeof renewCapeResult>;

/** The data of this slice's commands, by type. */
export interface CapeCommands {
  SignCape: SignCape;
  RenewCape: RenewCape;
}

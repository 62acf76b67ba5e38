import { date, money, obj, optional } from '../validation/schema';
import { id, type Infer } from '../validation/fields';
import { commandResult, day, type ResultOf } from '../validation/results';

export const signCesaSchema = obj({ caeId: id(), entrepreneurId: id(), signedOn: date(), fixedMonthlyGross: optional(money()) });
export type SignCesa = Infer<typeof signCesaSchema>;

export const signCesaResult = commandResult(
  { associateDeadline: day('the day by which the entrepreneur must be an associate: CESA + 3 years − time under CAPE') },
  { associateDeadline: '2019-06-01' },
);
export type SignCesaResult = ResultOf<typeof signCesaResult>;

/** The data of this slice's commands, by type. */
export interface CesaCommands {
  SignCesa: SignCesa;
}

import { date, money, obj, optional } from '../validation/schema';
import { id, type Infer } from '../validation/fields';

export const signCesaSchema = obj({ caeId: id(), entrepreneurId: id(), signedOn: date(), fixedMonthlyGross: optional(money()) });
export type SignCesa = Infer<typeof signCesaSchema>;

/** The data of this slice's commands, by type. */
export interface CesaCommands {
  SignCesa: SignCesa;
}

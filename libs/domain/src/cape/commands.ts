import { date, int, obj } from '../validation/schema';
import { id, type Infer } from '../validation/fields';

// months > 12 passes here: the domain refuses it with CAPE_DURATION_INVALID (capeDuration).
export const signCapeSchema = obj({ caeId: id(), entrepreneurId: id(), signedOn: date(), months: int({ min: 1 }) });
export type SignCape = Infer<typeof signCapeSchema>;

export const renewCapeSchema = obj({ caeId: id(), entrepreneurId: id(), renewedOn: date(), months: int({ min: 1 }) });
export type RenewCape = Infer<typeof renewCapeSchema>;

/** The data of this slice's commands, by type. */
export interface CapeCommands {
  SignCape: SignCape;
  RenewCape: RenewCape;
}

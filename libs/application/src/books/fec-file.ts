import { createHash } from 'crypto';
import { checkFec } from '../../../../projections/ledger/check-fec';
import { LEDGER } from '../../../../projections/ledger/documents';
import { fecOf, fecText, type FecRefusal } from '../../../../projections/ledger/fec';
import { latin9 } from '../../../../projections/ledger/latin9';
import { TREASURY } from '../../../../projections/treasury/projection';
import type { Runtime } from '../runtime';

/** A FEC as handed to the accountant: its file name and bytes, the log position it was made at, and their SHA-256. */
export type FecFile = { fileName: string; position: number; sha256: string; bytes: Buffer; lines: number };

/**
 * A CAE's FEC for a year, made from its history replayed to one log position (the head by default), so that the
 * same position always gives the same bytes. Checked before it is handed out: a file failing its own check is a bug.
 * Undefined for an unknown CAE.
 */
export const fecFile = async (runtime: Pick<Runtime, 'store' | 'asOf'>, caeId: string, year: number, position?: number): Promise<FecFile | FecRefusal | undefined> => {
  const head = await runtime.store.headPosition();
  const at = position === undefined ? head : Math.min(position, head);
  const models = await runtime.asOf.readModels({ caeId }, { knownAt: { position: at } }, [TREASURY, LEDGER]);
  const fec = await models.run((read) => fecOf(read, caeId, year));
  if (fec === undefined || 'refused' in fec) return fec;
  const text = fecText(fec);
  const problems = checkFec(text, year);
  if (problems.length > 0) throw new Error(`The FEC of ${caeId} for ${year} fails its own check: ${problems.slice(0, 5).join('; ')}`);
  const bytes = latin9(text);
  return { fileName: fec.fileName, position: at, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, lines: text.split('\r\n').length - 2 };
};

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fecFile, type Runtime } from '../../../libs/application';
import { queryParameters, validateQuery } from '../../../libs/domain';
import { flagsOf } from './flags';

export const FEC_USAGE = `  npm run cli -- fec --cae <caeId> --year <YYYY> [--position <n>] [--out <folder>]
                                          the CAE's FEC for a year, {SIREN}FEC{YYYY1231}.txt in the folder (default: .),
                                          made from the log up to the position (default: its head): the same
                                          position gives the same file; prints the position and the SHA-256`;

interface FecArgs {
  caeId: string;
  year: number;
  position?: number;
  out: string;
}

/** The arguments of `fec`, checked as the API checks its query (a real year, a position), or what is wrong with them. */
export const parseFecArgs = (args: string[]): FecArgs | string => {
  const given = flagsOf('fec', args, { '--cae': 'caeId', '--year': 'year', '--position': 'position', '--out': 'out' }, { names: ['caeId', 'year'], needs: '--cae <caeId> and --year <YYYY>' });
  if (typeof given === 'string') return given;
  const query = validateQuery(queryParameters.fec, { year: given['year'], ...(given['position'] !== undefined && { position: given['position'] }) });
  if (!query.ok) return query.error.message;
  return { caeId: given['caeId']!, year: query.value.year, ...(query.value.position !== undefined && { position: query.value.position }), out: given['out'] ?? '.' };
};

/** Writes the FEC into the folder; 0 when written, 1 when the CAE or the year has none. */
export const runFec = async (runtime: Runtime, args: FecArgs, print: (line: string) => void): Promise<number> => {
  const file = await fecFile(runtime, args.caeId, args.year, args.position);
  if (file === undefined) return print(`CAE ${args.caeId} is not registered in this log.`), 1;
  if ('refused' in file) {
    print(file.refused === 'NO_ACTIVITY_IN_YEAR' ? `CAE ${args.caeId} has no entry in ${args.year}: no FEC for that year.` : `CAE ${args.caeId} has no SIREN on record (RecordCaeIdentity): its FEC is named by it.`);
    return 1;
  }
  mkdirSync(args.out, { recursive: true });
  const path = join(args.out, file.fileName);
  writeFileSync(path, file.bytes);
  print(`${path}: ${file.lines} lines, made at log position ${file.position}, SHA-256 ${file.sha256}`);
  return 0;
};

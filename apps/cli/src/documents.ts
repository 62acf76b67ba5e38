import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invoiceDocument, type Runtime } from '../../../libs/application';
import { date, obj } from '../../../libs/domain/src/validation/schema';
import { validateQuery } from '../../../libs/domain';
import { documentsIssued } from '../../../projections/invoice-documents/queries';
import { flagsOf } from './flags';

export const DOCUMENTS_USAGE = `  npm run cli -- documents --cae <caeId> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--out <folder>]
                                          every invoice and credit note issued in the period (both days included),
                                          as Factur-X ({caeId}-{number}.pdf) and CII XML ({caeId}-{number}.xml) in
                                          the folder (default: .): what a platform (PA) takes in one upload`;

interface DocumentsArgs {
  caeId: string;
  from: string;
  to: string;
  out: string;
}

const PERIOD = obj({ from: date(), to: date() });

/** The arguments of `documents`, the days checked as the API checks its dates, or what is wrong with them. */
export const parseDocumentsArgs = (args: string[]): DocumentsArgs | string => {
  const given = flagsOf('documents', args, { '--cae': 'caeId', '--from': 'from', '--to': 'to', '--out': 'out' }, { names: ['caeId', 'from', 'to'], needs: '--cae <caeId>, --from and --to <YYYY-MM-DD>' });
  if (typeof given === 'string') return given;
  const period = validateQuery(PERIOD, { from: given['from'], to: given['to'] });
  if (!period.ok) return period.error.message;
  if (period.value.to < period.value.from) return `--to (${period.value.to}) is before --from (${period.value.from}).`;
  return { caeId: given['caeId']!, from: period.value.from, to: period.value.to, out: given['out'] ?? '.' };
};

/** Writes the period's documents into the folder, once the read models have caught up with the log; 1 when none can be. */
export const runDocuments = async (runtime: Runtime, args: DocumentsArgs, print: (line: string) => void): Promise<number> => {
  await runtime.startProjections();
  const numbers = await runtime.queries.run((models) => documentsIssued(models, args.caeId, args.from, args.to));
  if (numbers.length === 0) return print(`CAE ${args.caeId} issued no invoice or credit note from ${args.from} to ${args.to}.`), 1;
  mkdirSync(args.out, { recursive: true });
  for (const number of numbers)
    for (const format of ['pdf', 'xml'] as const) {
      const document = await invoiceDocument(runtime.queries, args.caeId, number, format);
      if (document === undefined) continue;
      if ('refused' in document) return print(`CAE ${args.caeId} had no legal identity in force (RecordCaeIdentity) when ${number} was issued.`), 1;
      writeFileSync(join(args.out, document.fileName), document.bytes);
    }
  print(`${numbers.length} documents (${numbers[0]} … ${numbers.at(-1)}), each as .pdf and .xml, in ${args.out}`);
  return 0;
};

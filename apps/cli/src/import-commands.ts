import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CommandService } from '../../../libs/application';
import { validateEnvelope, type DomainError } from '../../../libs/domain';

export interface ImportError {
  line: number;
  commandId: string;
  error: DomainError;
}

export interface ImportSummary {
  lines: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  /** The first errors, with their line numbers. */
  errors: ImportError[];
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  summary: ImportSummary;
}

const MAX_ERRORS_KEPT = 20;

/**
 * Imports a JSONL file of command envelopes (docs/api.md#the-envelope), in order, through the same CommandService as the API:
 * the log is the same whichever way the commands came. Blank lines are skipped.
 */
export const importCommands = async (
  file: string,
  commands: CommandService,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportSummary> => {
  const totalBytes = statSync(file).size;
  const summary: ImportSummary = { lines: 0, accepted: 0, duplicate: 0, rejected: 0, errors: [] };
  const reject = (line: number, commandId: string, error: DomainError): void => {
    summary.rejected++;
    if (summary.errors.length < MAX_ERRORS_KEPT) summary.errors.push({ line, commandId, error });
  };
  let bytesRead = 0;
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of lines) {
    lineNumber++;
    bytesRead += Buffer.byteLength(text, 'utf8') + 1;
    if (text.trim() === '') continue;
    summary.lines++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      reject(lineNumber, '', { code: 'VALIDATION_FAILED', message: `Line ${lineNumber} is not valid JSON: ${(e as Error).message}` });
      continue;
    }
    const validated = validateEnvelope(parsed);
    if (!validated.ok) {
      const id = (parsed as { commandId?: unknown } | null)?.commandId;
      reject(lineNumber, typeof id === 'string' ? id : '', validated.error);
      continue;
    }
    const outcome = await commands.handle(validated.value);
    if (outcome.status === 'rejected') reject(lineNumber, outcome.commandId, outcome.error!);
    else summary[outcome.status]++;
    onProgress({ bytesRead: Math.min(bytesRead, totalBytes), totalBytes, summary });
  }
  return summary;
};

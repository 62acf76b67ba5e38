import type Database from 'better-sqlite3';
import type { RecordedEvent, StoredCommand, VerifyOptions, VerifyReport } from '../event-store';
import { verifyLog } from '../verify-log';
import { toRecordedEvent, toStoredCommand } from './rows';
import type { Statements } from './statements';

const VERIFY_PAGE = 1000;

/** verifyLog over the file: its events and command records, its stored chain heads and highest position. */
export function verifySqliteLog(db: Database.Database, statements: Statements, options: VerifyOptions): Promise<VerifyReport> {
  // One snapshot of head, stored heads and highest position; appends made while verifying are left for the
  // next run, so a busy log cannot keep verify from ending.
  const snapshot = db.transaction(() => ({
    headPosition: statements.headPosition.get() ?? 0,
    storedHeads: new Map(statements.chainHeads.all().map((row) => [row.cae_id, row.hash])),
    highestWritten: statements.logHead.get(),
  }))();
  const { headPosition, highestWritten } = snapshot;
  return verifyLog({
    events: eventsUpTo(statements, headPosition, options.caeId),
    headPosition,
    storedHeads: async () => snapshot.storedHeads,
    records: recordsUpTo(statements, Math.max(headPosition, highestWritten?.position ?? 0)),
    ...(highestWritten !== undefined ? { highestWritten } : {}),
    ...options,
  });
}

/** The log up to lastPosition (of one CAE, or all), page by page, yielding the event loop between pages. */
async function* eventsUpTo(statements: Statements, lastPosition: number, caeId: string | undefined): AsyncGenerator<RecordedEvent> {
  let from = 1;
  while (from <= lastPosition) {
    const rows =
      caeId === undefined
        ? statements.readRange.all(from, lastPosition, VERIFY_PAGE)
        : statements.readCaeRange.all(caeId, from, lastPosition, VERIFY_PAGE);
    for (const row of rows) yield toRecordedEvent(row);
    if (rows.length < VERIFY_PAGE) return;
    from = rows[rows.length - 1].position + 1;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The command records up to lastPosition, in position order, page by page. */
async function* recordsUpTo(statements: Statements, lastPosition: number): AsyncGenerator<StoredCommand> {
  for (let after = 0; ; ) {
    const rows = statements.commandsInRange.all(after, lastPosition, VERIFY_PAGE);
    for (const row of rows) yield toStoredCommand(row);
    if (rows.length < VERIFY_PAGE) return;
    after = rows[rows.length - 1]!.position;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

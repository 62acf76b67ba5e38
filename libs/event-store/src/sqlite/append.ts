import type Database from 'better-sqlite3';
import { type AppendPlan, planAppend } from '../append-plan';
import { GENESIS_HASH } from '../chain-hash';
import {
  type AppendOutcome,
  type CommandRecord,
  DuplicateCommandError,
  type IntegrityProblem,
  LogIntegrityError,
  NO_STREAM_REVISION,
  type StreamAppend,
  WrongExpectedRevisionError,
} from '../event-store';
import type { Settlement } from '../group-commit';
import { commandRecordMissing, headProblem, streamTruncated } from '../log-integrity';
import { insertEvent, type Statements } from './statements';

export interface AppendRequest {
  appends: StreamAppend[];
  command: CommandRecord | undefined;
}

/** Decides and writes appends in the file's transactions: a group of them at once, each refused on its own. */
export class SqliteAppender {
  private readonly appendTransaction: Database.Transaction<(appends: StreamAppend[], command?: CommandRecord) => AppendPlan>;
  private readonly groupTransaction: Database.Transaction<(group: AppendRequest[]) => Settlement<AppendOutcome>[]>;
  /** Streams found truncated by a refused append, reported by integrity() (a scan would not be cheap). */
  readonly truncatedStreams = new Map<string, IntegrityProblem>();

  constructor(
    db: Database.Database,
    private readonly statements: Statements,
  ) {
    this.appendTransaction = db.transaction((appends, command) => this.writeAppend(appends, command));
    // Nested in the group's transaction, each append is a savepoint: a refused one leaves the others whole.
    this.groupTransaction = db.transaction((group: AppendRequest[]) =>
      group.map((item): Settlement<AppendOutcome> => {
        try {
          const plan = this.appendTransaction(item.appends, item.command);
          return { status: 'fulfilled', value: { events: plan.events, lastPosition: plan.lastPosition, revisions: plan.revisions } };
        } catch (error) {
          return { status: 'rejected', reason: error };
        }
      }),
    );
  }

  /** The group in one transaction; IMMEDIATE takes the write lock before the revisions are read, so no other process can slip in between. */
  commit(group: AppendRequest[]): Settlement<AppendOutcome>[] {
    return this.groupTransaction.immediate(group);
  }

  private writeAppend(appends: StreamAppend[], command?: CommandRecord): AppendPlan {
    const { statements } = this;
    const headPosition = statements.headPosition.get() ?? 0;
    const wentBackwards = headProblem(headPosition, statements.logHead.get()?.position);
    if (wentBackwards !== undefined) throw new LogIntegrityError(wentBackwards);
    if (command !== undefined) {
      if (statements.findCommand.get(command.commandId) !== undefined) throw new DuplicateCommandError(command.commandId);
      const applied = statements.eventOfCommand.get(command.commandId);
      if (applied !== undefined) throw new LogIntegrityError(commandRecordMissing(command.commandId, applied));
    }
    const plan = this.plan(appends, headPosition, command);
    for (const event of plan.events) insertEvent(statements, event);
    for (const [streamId, revision] of Object.entries(plan.revisions)) statements.saveStreamRevision.run(streamId, revision);
    for (const [caeId, hash] of plan.chainHeads) statements.saveChainHead.run(caeId, hash);
    statements.saveLogHead.run(plan.lastPosition, plan.events[plan.events.length - 1]!.hash);
    if (command !== undefined) {
      statements.insertCommand.run({
        command_id: command.commandId,
        fingerprint: command.fingerprint,
        result: JSON.stringify(command.result ?? null),
        position: plan.lastPosition,
        recorded_at: new Date().toISOString(),
      });
    }
    return plan;
  }

  /** planAppend on the file's state; a conflict on a stream whose last events were deleted is named as such. */
  private plan(appends: StreamAppend[], headPosition: number, command: CommandRecord | undefined): AppendPlan {
    const { statements } = this;
    const streamRevision = (streamId: string) => statements.streamRevision.get(streamId) ?? NO_STREAM_REVISION;
    try {
      return planAppend(appends, { headPosition, streamRevision, chainHead: (caeId) => statements.chainHead.get(caeId) ?? GENESIS_HASH }, command);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || error.actual !== streamRevision(error.streamId)) throw error;
      const lastRevision = statements.lastRevisionInEvents.get(error.streamId) ?? NO_STREAM_REVISION;
      if (lastRevision === error.actual) throw error;
      const problem = streamTruncated(error.streamId, lastRevision, error.actual);
      this.truncatedStreams.set(error.streamId, problem);
      throw new LogIntegrityError(problem);
    }
  }
}

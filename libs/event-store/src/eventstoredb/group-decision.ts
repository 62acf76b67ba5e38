import { type AppendPlan, planAppend } from '../append-plan';
import { GENESIS_HASH } from '../chain-hash';
import { type CommandRecord, DuplicateCommandError, NO_STREAM_REVISION, type StreamAppend } from '../event-store';
import { assertNotReservedType } from './log-envelope';
import type { ChainState, EsdbReads } from './reads';

export interface AppendRequest {
  appends: StreamAppend[];
  command: CommandRecord | undefined;
}

/** State as of one log revision, as read from the indexes, plus what the group decided so far. */
export interface GroupState {
  headPosition: number;
  revisions: Map<string, number>;
  chains: Map<string, ChainState>;
  storedEventIds: Set<string>;
  storedCommandIds: Set<string>;
}

export type Decision = { plan: AppendPlan; error?: undefined } | { plan?: undefined; error: unknown };

/** What the group's appends are decided against: the indexes as of the log's head (all rolled forward). */
export async function loadState(reads: EsdbReads, head: number, group: AppendRequest[]): Promise<GroupState> {
  const { names } = reads;
  const streamIds = new Set<string>();
  const caeIds = new Set<string>();
  const eventIds = new Set<string>();
  const commandIds = new Set<string>();
  for (const { appends, command } of group) {
    if (command !== undefined) commandIds.add(command.commandId);
    for (const { streamId, events } of appends) {
      streamIds.add(streamId);
      for (const event of events) {
        eventIds.add(event.eventId);
        if (typeof event.metadata?.caeId === 'string') caeIds.add(event.metadata.caeId);
      }
    }
  }
  const state: GroupState = {
    headPosition: head,
    revisions: new Map(),
    chains: new Map(),
    storedEventIds: new Set(),
    storedCommandIds: new Set(),
  };
  await Promise.all([
    ...[...streamIds].map(async (streamId) => state.revisions.set(streamId, await reads.indexRevision(names.stream(streamId)))),
    ...[...caeIds].map(async (caeId) => state.chains.set(caeId, await reads.chainState(caeId))),
    ...[...eventIds].map(async (eventId) => {
      if ((await reads.indexRevision(names.eventId(eventId))) > NO_STREAM_REVISION) state.storedEventIds.add(eventId);
    }),
    ...[...commandIds].map(async (commandId) => {
      if ((await reads.indexRevision(names.command(commandId))) > NO_STREAM_REVISION) state.storedCommandIds.add(commandId);
    }),
  ]);
  return state;
}

/**
 * Decides one append against the group's state (expected revisions, command and event ids already stored or
 * earlier in the group), and on success makes the state include it: a refused one does not affect the others.
 */
export function decide(item: AppendRequest, state: GroupState): Decision {
  try {
    const { command } = item;
    if (command !== undefined && state.storedCommandIds.has(command.commandId)) throw new DuplicateCommandError(command.commandId);
    const plan = planAppend(
      item.appends,
      {
        headPosition: state.headPosition,
        streamRevision: (streamId) => state.revisions.get(streamId) ?? NO_STREAM_REVISION,
        chainHead: (caeId) => state.chains.get(caeId)?.head ?? GENESIS_HASH,
      },
      command,
    );
    const seen = new Set<string>();
    for (const event of plan.events) {
      if (state.storedEventIds.has(event.eventId) || seen.has(event.eventId)) throw new Error(`Duplicate event id ${event.eventId}`);
      seen.add(event.eventId);
      assertNotReservedType(event);
    }
    state.headPosition = plan.lastPosition;
    for (const [streamId, revision] of Object.entries(plan.revisions)) state.revisions.set(streamId, revision);
    for (const event of plan.events) {
      state.storedEventIds.add(event.eventId);
      const chain = state.chains.get(event.metadata.caeId) ?? { length: 0, head: GENESIS_HASH };
      state.chains.set(event.metadata.caeId, { length: chain.length + 1, head: event.hash });
    }
    if (command !== undefined) state.storedCommandIds.add(command.commandId);
    return { plan };
  } catch (error) {
    return { error };
  }
}

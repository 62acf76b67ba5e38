import { ACCESS_FOLD } from '../access/state';
import { CAE_FOLD } from '../cae/state';
import { CLIENT_FOLD } from '../clients/state';
import { ENTREPRENEUR_FOLD } from '../entrepreneur/state';
import { ok, type Result } from '../errors';
import { streamOf } from '../events';
import { SERIES_FOLD } from '../invoicing/series';
import { ASSOCIATE_FOLD } from '../membership/state';
import { accessStream, associateStream, caeStream, clientStream, entrepreneurStream, invoiceSeriesStream, quoteSeriesStream, seriesStreamOf } from '../streams';
import type { Decision, DecisionContext, DecisionState } from './decision';
import { decide, planOf, type Command } from './registry';
import type { Fold, StreamReader } from './stream-reader';

/** The streams of one command: those it is decided against, and those it writes (its turns, its expected revisions). */
export interface CommandStreams {
  cae: string;
  entrepreneur?: string;
  series?: string;
  associate?: string;
  access?: string;
  client?: string;
  /** The invoice a payment, refund, credit note or erasure refers to, as registered in its series. */
  document?: DecisionState['document'];
  written: string[];
}

/**
 * Names the streams of a command's plan. A command naming an invoice finds its entrepreneur in the series' index,
 * which is safe before any turn is taken since an assigned number never changes hands; an unknown number leaves
 * the entrepreneur out, for the decider to refuse.
 */
export const streamsOf = async (command: Command, reader: StreamReader): Promise<CommandStreams> => {
  const plan = planOf(command);
  let entrepreneurId = plan.entrepreneurId;
  let document: DecisionState['document'];
  if (plan.document) {
    const { state: series } = await reader.readStream(seriesStreamOf(plan.caeId, plan.document.number), SERIES_FOLD);
    const invoiceOf = series.invoices.get(plan.document.number);
    if (invoiceOf !== undefined) {
      document = { document: 'invoice', entrepreneurId: invoiceOf };
      entrepreneurId = invoiceOf;
    }
  }
  const named = {
    cae: caeStream(plan.caeId),
    entrepreneur: entrepreneurId === undefined ? undefined : entrepreneurStream(plan.caeId, entrepreneurId),
    series: plan.seriesYear === undefined ? undefined : (plan.seriesKind === 'quote' ? quoteSeriesStream : invoiceSeriesStream)(plan.caeId, plan.seriesYear),
    associate: plan.associateId === undefined ? undefined : associateStream(plan.caeId, plan.associateId),
    access: plan.accountId === undefined ? undefined : accessStream(plan.caeId, plan.accountId),
    client: plan.clientId === undefined ? undefined : clientStream(plan.caeId, plan.clientId),
  };
  const written = plan.writes.map((boundary) => named[boundary]).filter((s): s is string => s !== undefined);
  return {
    cae: named.cae,
    ...(named.entrepreneur !== undefined && { entrepreneur: named.entrepreneur }),
    ...(named.series !== undefined && { series: named.series }),
    ...(named.associate !== undefined && { associate: named.associate }),
    ...(named.access !== undefined && { access: named.access }),
    ...(named.client !== undefined && { client: named.client }),
    ...(document !== undefined && { document }),
    written,
  };
};

export interface Handled extends Decision {
  /** The revision each written stream was read at (-1: no stream yet): the append expects it. */
  expectedRevisions: Map<string, number>;
}

/**
 * The one command handler (after emmett's handleCommand), pure but for its reader: loads and folds the command's
 * streams, decides, and returns the events with the expected revision of every stream they go to. `streams` is
 * passed when the caller resolved them already (to take its turns on the written ones first).
 */
export const handleCommand = async (
  command: Command,
  reader: StreamReader,
  context: DecisionContext,
  streams?: CommandStreams,
): Promise<Result<Handled>> => {
  const named = streams ?? (await streamsOf(command, reader));
  const expectedRevisions = new Map<string, number>();
  const read = async <S>(streamId: string, fold: Fold<S>): Promise<S> => {
    const { state, revision } = await reader.readStream(streamId, fold);
    if (named.written.includes(streamId)) expectedRevisions.set(streamId, revision);
    return state;
  };
  const state: DecisionState = { cae: await read(named.cae, CAE_FOLD) };
  if (named.document) state.document = named.document;
  if (named.entrepreneur) state.entrepreneur = await read(named.entrepreneur, ENTREPRENEUR_FOLD);
  if (named.series) state.series = (await read(named.series, SERIES_FOLD)).state;
  if (named.associate) state.associate = await read(named.associate, ASSOCIATE_FOLD);
  if (named.access) state.access = await read(named.access, ACCESS_FOLD);
  if (named.client) state.client = await read(named.client, CLIENT_FOLD);

  const decided = decide(command, state, context);
  if (!decided.ok) return decided;
  // Programming errors, caught by every spec: an event off its stream, or on one appended without an expected revision.
  for (const { streamId, event } of decided.value.events) {
    if (streamId !== streamOf(event)) throw new Error(`${event.type} was written to ${streamId}, not to its stream ${streamOf(event)}`);
    if (!expectedRevisions.has(streamId)) throw new Error(`${command.type} wrote to ${streamId}, a stream it does not declare it writes`);
  }
  return ok({ ...decided.value, expectedRevisions });
};

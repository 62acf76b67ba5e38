#!/usr/bin/env node
/**
 * The peer of the benchmark: Emmett with its SQLite event store doing the same work as Alvéole on the same trace.
 *
 *   node bench/peer/emmett.mjs <trace.jsonl> <workdir> <projection-module.js>
 *
 * (a) a fresh Emmett SQLite event store in <workdir>/emmett.db; (b) every trace line appended with its expected
 * version, one at a time, awaited in order; (c) one projection rebuilt from the whole store in a child process
 * (`--rebuild <db> <projection-module.js>`, so that its peak RSS is its own); then a few deliberate conflicting
 * appends. Prints one JSON line on stdout; diagnostics go to stderr.
 *
 * How Emmett is used (0.42.4, with the sqlite3 driver it peers):
 * - store: getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } }) over
 *   sqliteConnection({ fileName }). Left to itself, a file store opens and closes a connection per operation
 *   (SQLiteConnectionPool without singleton); one long-lived connection is its best configuration and the same
 *   shape as ours (one better-sqlite3 handle). `--connection per-operation` runs the default instead: with 0.42.4
 *   it is several times slower and fails with SQLITE_BUSY ("cannot commit transaction - SQL statements in
 *   progress") after a few hundred to a few thousand appends, so it cannot be the measure.
 * - durability: Emmett only sets `PRAGMA journal_mode = WAL` and leaves `synchronous` at SQLite's default
 *   (FULL for this sqlite3 build: the WAL is fsynced at every commit), like our log; both are read back and printed.
 * - appends: appendToStream(streamId, events, { expectedStreamVersion }) in a BEGIN IMMEDIATE transaction.
 * - rebuild: the store's consumer (eventStore.consumer, Emmett's polling global reader over emt_messages, batches
 *   of 1000 like our projector) drives one processor; per batch, in one transaction on Emmett's connection, it
 *   hands the whole batch to an Emmett projection (sqliteProjection, through handleProjections) and stores the
 *   processor's checkpoint (storeProcessorCheckpoint).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isExpectedVersionConflictError } from '@event-driven-io/emmett';
import {
  defaultTag,
  getSQLiteEventStore,
  handleProjections,
  sqliteConnection,
  sqliteProjection,
  storeProcessorCheckpoint,
} from '@event-driven-io/emmett-sqlite';

const here = dirname(fileURLToPath(import.meta.url));
// Emmett logs a failed transaction with console.log: stdout carries only the result line.
console.log = (...args) => console.error(...args);
const BATCH_SIZE = 1000;
const PROJECTION = 'treasury';
const DOCS_TABLE = 'treasury_documents';
/** Host parameters per statement stay far below SQLite's limit (32766) with 1000 documents of 5 values each. */
const UPSERT_CHUNK = 1000;

const versionOf = (name) => JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;

const round = (value, decimals = 1) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Nearest-rank percentile of latencies in milliseconds, sorted ascending. */
const percentile = (sorted, p) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);

const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);

const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** One long-lived connection (this script's default) or Emmett's own default, a connection per operation. */
const openStore = (fileName, mode = 'singleton') => {
  if (mode === 'per-operation') return { eventStore: getSQLiteEventStore({ fileName }), connection: undefined };
  const connection = sqliteConnection({ fileName });
  return { eventStore: getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } }), connection };
};

const durabilityOf = async (fileName) => {
  // Read on a fresh Emmett connection: what every connection Emmett opens gets, not something we set.
  const connection = sqliteConnection({ fileName });
  try {
    const journal = await connection.querySingle('PRAGMA journal_mode');
    const synchronous = await connection.querySingle('PRAGMA synchronous');
    const names = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
    return { journalMode: journal.journal_mode, synchronous: names[synchronous.synchronous] ?? String(synchronous.synchronous) };
  } finally {
    connection.close();
  }
};

/**
 * Our 0-based revision of the last event (-1: no stream) is Emmett's stream version minus one (0n: no stream).
 * 0n, not Emmett's STREAM_DOES_NOT_EXIST: 0.42.4 maps that constant to "no check" and appends to an existing stream.
 */
const toEmmettVersion = (expectedRevision) => BigInt(expectedRevision + 1);

const toEmmettEvents = (events) =>
  events.map((event) => {
    // Every event type is at schema version 1 today; the peer has no upcaster, so a newer log must fail loudly.
    if (event.schemaVersion !== undefined && event.schemaVersion !== 1) throw new Error(`${event.type} v${event.schemaVersion}: no upcaster on the Emmett side`);
    return { type: event.type, data: event.data, metadata: event.metadata };
  });

const replay = async (eventStore, tracePath) => {
  const latencies = [];
  let events = 0;
  let totalMs = 0;
  let firstStream;
  const lines = createInterface({ input: createReadStream(tracePath, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { streamId, expectedRevision, events: traceEvents } = JSON.parse(line);
    const batch = toEmmettEvents(traceEvents);
    // Only the append is timed: reading and parsing the trace is the same work on both sides.
    const start = process.hrtime.bigint();
    const result = await eventStore.appendToStream(streamId, batch, { expectedStreamVersion: toEmmettVersion(expectedRevision) });
    const ms = elapsedMs(start);
    const expectedNext = toEmmettVersion(expectedRevision) + BigInt(batch.length);
    if (result.nextExpectedStreamVersion !== expectedNext) throw new Error(`${streamId}: Emmett is at version ${result.nextExpectedStreamVersion}, the trace says ${expectedNext}`);
    latencies.push(ms);
    totalMs += ms;
    events += batch.length;
    firstStream ??= streamId;
  }
  latencies.sort((a, b) => a - b);
  const seconds = totalMs / 1000;
  return {
    stats: {
      events,
      appends: latencies.length,
      seconds: round(seconds, 3),
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
      p50Ms: round(percentile(latencies, 50), 3),
      p99Ms: round(percentile(latencies, 99), 3),
    },
    firstStream,
  };
};

/** A refused append must throw Emmett's ExpectedVersionConflictError (412) and store nothing. */
const refuses = async (eventStore, streamId, expectedStreamVersion) => {
  try {
    await eventStore.appendToStream(streamId, [{ type: 'BenchProbe', data: {}, metadata: {} }], { expectedStreamVersion });
    return false;
  } catch (error) {
    if (isExpectedVersionConflictError(error)) return true;
    throw error;
  }
};

/** Deliberate conflicts on a real stream, after the measures: a stale version, and "must not exist". */
const probeConflicts = async (eventStore, fileName, streamId) => {
  const connection = sqliteConnection({ fileName });
  try {
    const messages = async () => (await connection.querySingle('SELECT COUNT(*) AS n FROM emt_messages WHERE stream_id = ?', [streamId])).n;
    const streamRow = async () => BigInt((await connection.querySingle('SELECT stream_position AS p FROM emt_streams WHERE stream_id = ?', [streamId])).p);
    const { currentStreamVersion } = await eventStore.readStream(streamId);
    const before = await messages();
    const staleVersionRefused = await refuses(eventStore, streamId, currentStreamVersion - 1n);
    const noStreamRefused = await refuses(eventStore, streamId, 0n);
    const nothingStored = (await messages()) === before;
    // Emmett commits its stream-version bump even when it then refuses the append: say so if it happens.
    const streamVersionAfterRefusals = await streamRow();
    let correctAppendAccepted = true;
    try {
      await eventStore.appendToStream(streamId, [{ type: 'BenchProbe', data: {}, metadata: {} }], { expectedStreamVersion: currentStreamVersion });
    } catch (error) {
      if (!isExpectedVersionConflictError(error)) throw error;
      correctAppendAccepted = false;
    }
    return {
      streamId,
      version: Number(currentStreamVersion),
      staleVersionRefused,
      noStreamRefused,
      nothingStored,
      streamsTableVersionAfterRefusals: Number(streamVersionAfterRefusals),
      correctAppendAcceptedAfterRefusals: correctAppendAccepted,
    };
  } finally {
    connection.close();
  }
};

const loadProjection = async (modulePath) => {
  const loaded = await import(pathToFileURL(resolve(modulePath)).href);
  const projection = loaded.treasuryProjection ?? loaded.default?.treasuryProjection;
  if (!projection || typeof projection.apply !== 'function') throw new Error(`${modulePath} exports no treasuryProjection`);
  return projection;
};

const keyOf = (collection, id) => `${collection}\u0000${id}`;

const caeIdOf = (doc) => (typeof doc?.caeId === 'string' ? doc.caeId : null);

/** An Emmett event as our projections see it (personal fields stay sealed: treasury never reads them). */
const toProjectedEvent = (event) => ({
  type: event.type,
  data: event.data,
  position: Number(event.metadata.globalPosition),
  streamId: event.metadata.streamName,
  caeId: event.metadata.caeId,
  occurredOn: event.metadata.occurredOn,
});

/**
 * Our pure treasury logic as an Emmett SQLite projection. Emmett's stock async path (consumer.processor({ projection }))
 * calls a projection once per event, so a per-batch document map would not fit; handleProjections with the whole
 * batch does, and so the documents are read once per batch, folded in a map, and written back in one statement per
 * 1000 documents to a plain table on Emmett's connection, inside the batch's transaction — what our projector does.
 */
const treasuryOnEmmett = (logic, eventTypes) =>
  sqliteProjection({
    name: PROJECTION,
    canHandle: eventTypes,
    init: async ({ context: { connection } }) => {
      await connection.command(
        `CREATE TABLE IF NOT EXISTS ${DOCS_TABLE} (
           collection TEXT NOT NULL, id TEXT NOT NULL, cae_id TEXT NULL, data TEXT NOT NULL, position INTEGER NOT NULL,
           PRIMARY KEY (collection, id)) WITHOUT ROWID`,
      );
      await connection.command(`CREATE INDEX IF NOT EXISTS ${DOCS_TABLE}_by_cae ON ${DOCS_TABLE} (collection, cae_id, id)`);
    },
    handle: async (events, { connection }) => {
      const pending = [];
      for (const recorded of events) {
        const event = toProjectedEvent(recorded);
        const refs = logic.documentsFor(event);
        if (refs.length > 0) pending.push({ event, refs });
      }
      const cache = new Map();
      const byCollection = new Map();
      for (const { refs } of pending) for (const ref of refs) byCollection.set(ref.collection, (byCollection.get(ref.collection) ?? new Set()).add(ref.id));
      for (const [collection, ids] of byCollection) {
        const rows = await connection.query(
          `SELECT id, data, position FROM ${DOCS_TABLE} WHERE collection = ? AND id IN (SELECT value FROM json_each(?))`,
          [collection, JSON.stringify([...ids])],
        );
        for (const row of rows) cache.set(keyOf(collection, row.id), { collection, id: row.id, doc: JSON.parse(row.data), position: row.position });
      }
      const dirty = new Set();
      for (const { event, refs } of pending) {
        const declared = new Set(refs.map((ref) => keyOf(ref.collection, ref.id)));
        const reader = {
          get: (collection, id) => {
            const key = keyOf(collection, id);
            if (!declared.has(key)) throw new Error(`${PROJECTION} read ${key} for ${event.type} without declaring it`);
            return cache.get(key)?.doc ?? undefined;
          },
        };
        for (const update of logic.apply(event, reader)) {
          const key = keyOf(update.collection, update.id);
          if (!declared.has(key)) throw new Error(`${PROJECTION} wrote ${key} for ${event.type} without declaring it`);
          // Same guard as our read store: an event already applied to a document never counts twice.
          if ((cache.get(key)?.position ?? 0) >= event.position) continue;
          cache.set(key, { collection: update.collection, id: update.id, doc: update.doc, position: event.position });
          dirty.add(key);
        }
      }
      const changes = [...dirty].map((key) => cache.get(key));
      const upserts = changes.filter((change) => change.doc !== null);
      for (let i = 0; i < upserts.length; i += UPSERT_CHUNK) {
        const chunk = upserts.slice(i, i + UPSERT_CHUNK);
        await connection.command(
          `INSERT INTO ${DOCS_TABLE} (collection, id, cae_id, data, position) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
           ON CONFLICT (collection, id) DO UPDATE SET cae_id = excluded.cae_id, data = excluded.data, position = excluded.position
           WHERE excluded.position > ${DOCS_TABLE}.position`,
          chunk.flatMap((change) => [change.collection, change.id, caeIdOf(change.doc), JSON.stringify(change.doc), change.position]),
        );
      }
      for (const change of changes.filter((c) => c.doc === null)) {
        await connection.command(`DELETE FROM ${DOCS_TABLE} WHERE collection = ? AND id = ? AND position < ?`, [change.collection, change.id, change.position]);
      }
    },
  });

/** Digest of every document, ordered by collection then id, to check both sides built the same read model. */
const digestOf = (rows) => {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row.collection}\u0000${row.id}\u0000${row.data}\n`);
  return hash.digest('hex');
};

/** The rebuild, in its own process: from an empty read model to the store's head, through Emmett's consumer. */
const rebuild = async (fileName, projectionModule) => {
  const logic = await loadProjection(projectionModule);
  const { eventStore, connection } = openStore(fileName);
  const head = BigInt((await connection.querySingle('SELECT COALESCE(MAX(global_position), 0) AS head FROM emt_messages')).head);
  // canHandle only lets handleProjections skip batches; documentsFor decides per event, as in our projector.
  const eventTypes = (await connection.query('SELECT DISTINCT message_type AS type FROM emt_messages')).map((row) => row.type);
  const projection = treasuryOnEmmett(logic, eventTypes);
  await connection.command(`DROP TABLE IF EXISTS ${DOCS_TABLE}`);
  await connection.command('DELETE FROM emt_processors WHERE processor_id = ?', [PROJECTION]);
  let events = 0;
  let lastProcessed = null;
  let active = true;
  let failure;
  const processor = {
    id: PROJECTION,
    get isActive() {
      return active;
    },
    start: async () => 'BEGINNING',
    handle: ({ messages }, context) =>
      context.connection.withTransaction(async () => {
        await handleProjections({ events: messages, projections: [projection], connection: context.connection });
        const last = messages[messages.length - 1].metadata.globalPosition;
        await storeProcessorCheckpoint(context.connection, { processorId: PROJECTION, version: 1, lastProcessedPosition: lastProcessed, newPosition: last, partition: defaultTag });
        lastProcessed = last;
        events += messages.length;
        if (last < head) return undefined;
        active = false;
        return { type: 'STOP', reason: 'caught up with the head' };
      }).catch((error) => {
        // The consumer settles processors with allSettled and would just stop: keep the error to rethrow it.
        failure ??= error;
        active = false;
        throw error;
      }),
  };
  const start = process.hrtime.bigint();
  await projection.init({ version: 1, status: 'active', registrationType: 'async', context: { connection } });
  if (head > 0n) {
    // pullingFrequencyInMs 0: no pause between full batches (Emmett still waits 100 ms after the first one).
    const consumer = eventStore.consumer({ processors: [processor], pulling: { batchSize: BATCH_SIZE, pullingFrequencyInMs: 0 } });
    await consumer.start();
    await consumer.stop();
  }
  const seconds = elapsedMs(start) / 1000;
  if (failure !== undefined) throw failure;
  const stored = (await connection.querySingle('SELECT COUNT(*) AS n FROM emt_messages')).n;
  if (events !== stored) throw new Error(`The consumer read ${events} events of the ${stored} stored`);
  const rows = await connection.query(`SELECT collection, id, data FROM ${DOCS_TABLE} ORDER BY collection, id`);
  connection.close();
  return {
    projection: PROJECTION,
    events,
    documents: rows.length,
    seconds: round(seconds, 3),
    eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
    peakRssMb: peakRssMb(),
    digest: digestOf(rows),
  };
};

/** Runs the rebuild in a child process and returns the JSON it prints. */
const rebuildInChild = (fileName, projectionModule) =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--rebuild', fileName, projectionModule], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`Emmett rebuild exited ${code}: ${out}`));
      done(JSON.parse(out.trim().split('\n').at(-1)));
    });
  });

const usage = 'Usage: node bench/peer/emmett.mjs <trace.jsonl> <workdir> <projection-module.js> [--connection singleton|per-operation]';

const main = async (argv) => {
  if (argv[0] === '--rebuild') {
    if (argv.length !== 3) throw new Error(usage);
    return rebuild(argv[1], argv[2]);
  }
  const modeAt = argv.indexOf('--connection');
  const mode = modeAt >= 0 ? argv[modeAt + 1] : 'singleton';
  const positional = modeAt >= 0 ? argv.filter((_, i) => i !== modeAt && i !== modeAt + 1) : argv;
  if (positional.length !== 3 || (mode !== 'singleton' && mode !== 'per-operation')) throw new Error(usage);
  const [tracePath, workDir, projectionModule] = positional;
  mkdirSync(workDir, { recursive: true });
  const fileName = join(workDir, 'emmett.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(fileName + suffix, { force: true });

  const { eventStore, connection } = openStore(fileName, mode);
  await eventStore.schema.migrate();
  const durability = await durabilityOf(fileName);
  const { stats: appends, firstStream } = await replay(eventStore, tracePath);
  const rebuilt = await rebuildInChild(fileName, resolve(projectionModule));
  const conflict = firstStream === undefined ? undefined : await probeConflicts(eventStore, fileName, firstStream);
  connection?.close();
  const { digest, ...rebuildStats } = rebuilt;
  return {
    peer: 'emmett',
    version: versionOf('@event-driven-io/emmett-sqlite'),
    versions: { emmett: versionOf('@event-driven-io/emmett'), emmettSqlite: versionOf('@event-driven-io/emmett-sqlite'), sqlite3: versionOf('sqlite3') },
    connection: mode,
    durability,
    appends,
    rebuild: rebuildStats,
    documentsDigest: digest,
    conflictRefused: conflict !== undefined && conflict.staleVersionRefused && conflict.noStreamRefused && conflict.nothingStored,
    conflict,
  };
};

main(process.argv.slice(2)).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);

import type { Quarantined, Runtime } from '../../../libs/application';

export const QUARANTINE_USAGE = `  npm run cli -- quarantine             list the events quarantined (a projection could not apply them)
  npm run cli -- quarantine retry [projection…]
                                        rebuild the projections holding quarantined events (or those named),
                                        blue/green, with the code as it is now; then list what is still held`;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The quarantined events, one line each, after a line saying how many: what the operator reads first. */
export const quarantineReport = (quarantined: readonly Quarantined[]): string[] => {
  if (quarantined.length === 0) return ['No event quarantined.'];
  const held = quarantined.reduce((sum, q) => sum + q.held, 0);
  return [
    `${plural(quarantined.length, 'event')} quarantined (${plural(held, 'later event')} of the same CAEs held behind them):`,
    ...quarantined.map(
      (q) =>
        `  ${q.projection} · CAE ${q.caeId} · position ${q.position} (${q.eventType}, stream ${q.streamId}): ${q.error}` +
        (q.held > 0 ? ` — ${plural(q.held, 'later event')} held, up to position ${q.lastHeldPosition}` : ''),
    ),
    'Fix the cause, then: npm run cli -- quarantine retry [projection…]',
  ];
};

/** After a rebuild: the quarantines of the projections rebuilt, if any (a rebuild that quarantines still succeeds). */
export const reportQuarantineAfterRebuild = async (runtime: Runtime, rebuilt: readonly string[], print: (line: string) => void): Promise<void> => {
  const quarantined = (await runtime.quarantined()).filter((q) => rebuilt.includes(q.projection));
  if (quarantined.length > 0) for (const line of quarantineReport(quarantined)) print(line);
};

/** `quarantine` lists; `quarantine retry [projection…]` rebuilds the projections concerned, then lists again. */
export const runQuarantine = async (runtime: Runtime, args: readonly string[], print: (line: string) => void): Promise<number> => {
  const [action, ...names] = args;
  if (action === undefined) {
    for (const line of quarantineReport(await runtime.quarantined())) print(line);
    return 0;
  }
  if (action !== 'retry') {
    print(`Unknown quarantine action "${action}".\n${QUARANTINE_USAGE}`);
    return 2;
  }
  const fromLog = runtime.projector.projections.map((p) => p.name);
  const fromKafka = runtime.feeds.map((feed) => feed.projection.name);
  const unknown = names.filter((name) => !fromLog.includes(name) && !fromKafka.includes(name));
  if (unknown.length > 0) {
    print(`Unknown projection(s): ${unknown.join(', ')}. Known: ${[...fromLog, ...fromKafka].join(', ')}.`);
    return 2;
  }
  const chosen = names.length > 0 ? names : [...new Set((await runtime.quarantined()).map((q) => q.projection))];
  if (chosen.length === 0) {
    print('No event quarantined: nothing to retry.');
    return 0;
  }
  // A rebuild replays the whole log (or topic) into a fresh generation: the fixed code applies the held events.
  const logged = chosen.filter((name) => fromLog.includes(name));
  if (logged.length > 0) await runtime.projector.rebuild(logged);
  for (const feed of runtime.feeds.filter((f) => chosen.includes(f.projection.name))) await feed.rebuild();
  print(`Rebuilt ${chosen.join(', ')}.`);
  const still = (await runtime.quarantined()).filter((q) => chosen.includes(q.projection));
  for (const line of quarantineReport(still)) print(line);
  return 0;
};

import fc from 'fast-check';
import { StreamTurns } from './stream-turns';

/** A promise and the function that settles it, to hold a turn until the test lets it go. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

/** Lets every pending continuation run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamTurns', () => {
  it('runs the writers of one stream one at a time, in arrival order', async () => {
    const turns = new StreamTurns();
    const log: string[] = [];
    const first = gate();
    const runs = [
      turns.run(['s'], async () => {
        log.push('1 starts');
        await first.opened;
        log.push('1 ends');
      }),
      turns.run(['s'], async () => {
        log.push('2 starts');
        log.push('2 ends');
      }),
      turns.run(['s'], async () => {
        log.push('3 starts');
        log.push('3 ends');
      }),
    ];
    await settle();
    expect(log).toEqual(['1 starts']);
    first.open();
    await Promise.all(runs);
    expect(log).toEqual(['1 starts', '1 ends', '2 starts', '2 ends', '3 starts', '3 ends']);
  });

  it('lets writers of different streams run at the same time', async () => {
    const turns = new StreamTurns();
    const holding = gate();
    const started: string[] = [];
    const a = turns.run(['a'], async () => {
      started.push('a');
      await holding.opened;
    });
    const b = turns.run(['b'], async () => {
      started.push('b');
    });
    await settle();
    expect(started).toEqual(['a', 'b']);
    holding.open();
    await Promise.all([a, b]);
  });

  it('waits for every stream named: a writer of a and b runs after the holders of a and of b', async () => {
    const turns = new StreamTurns();
    const log: string[] = [];
    const holdA = gate();
    const holdB = gate();
    const runs = [
      turns.run(['a'], async () => holdA.opened.then(() => log.push('a done'))),
      turns.run(['b'], async () => holdB.opened.then(() => log.push('b done'))),
      turns.run(['b', 'a'], async () => log.push('a+b')),
    ];
    holdB.open();
    await settle();
    expect(log).toEqual(['b done']);
    holdA.open();
    await Promise.all(runs);
    expect(log).toEqual(['b done', 'a done', 'a+b']);
  });

  it('releases the turns of a writer that fails, and passes its error on', async () => {
    const turns = new StreamTurns();
    const failing = turns.run(['s'], async () => {
      throw new Error('append failed');
    });
    const next = turns.run(['s'], async () => 'ran');
    await expect(failing).rejects.toThrow('append failed');
    await expect(next).resolves.toBe('ran');
    expect(turns.size).toBe(0);
  });

  it('never deadlocks nor lets two holders of a stream overlap, whatever streams and orders are named', async () => {
    const streams = fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 }).chain((s) => fc.shuffledSubarray(s, { minLength: s.length }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ streams, pauses: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 30 }), async (writers) => {
        const turns = new StreamTurns();
        const holders = new Map<string, number>();
        let overlaps = 0;
        await Promise.all(
          writers.map((w) =>
            turns.run(w.streams, async () => {
              for (const s of w.streams) holders.set(s, (holders.get(s) ?? 0) + 1);
              if (w.streams.some((s) => holders.get(s)! > 1)) overlaps++;
              for (let i = 0; i < w.pauses; i++) await settle();
              for (const s of w.streams) holders.set(s, holders.get(s)! - 1);
            }),
          ),
        );
        expect(overlaps).toBe(0);
        // Keys leave the map once their queue is empty: it does not grow with the streams ever written.
        expect(turns.size).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});

import { type BatchWriter, GroupCommit, type Settlement } from './group-commit';

const ok = <T>(value: T): Settlement<T> => ({ status: 'fulfilled', value });
const failed = (reason: unknown): Settlement<never> => ({ status: 'rejected', reason });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A writer that records its batches and answers each request with its double, or refuses odd ones when asked. */
function recordingWriter(refuseOdd = false) {
  const batches: number[][] = [];
  const write: BatchWriter<number, number> = (requests) => {
    batches.push([...requests]);
    return requests.map((n) => (refuseOdd && n % 2 === 1 ? failed(new Error(`refused ${n}`)) : ok(n * 2)));
  };
  return { batches, write };
}

describe('GroupCommit', () => {
  it('writes the requests of one turn in one batch, in request order, each caller getting its own result', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write);

    const results = await Promise.all([1, 2, 3].map((n) => group.submit(n)));

    expect(batches).toEqual([[1, 2, 3]]);
    expect(results).toEqual([2, 4, 6]);
  });

  it('writes requests of different turns in different batches', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write);

    const first = group.submit(1);
    await nextTurn();
    await nextTurn();
    const second = group.submit(2);

    expect(await Promise.all([first, second])).toEqual([2, 4]);
    expect(batches).toEqual([[1], [2]]);
  });

  it('gives a refused request its error and the others of its batch their results', async () => {
    const { batches, write } = recordingWriter(true);
    const group = new GroupCommit(write);

    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => group.submit(n)));

    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual(['refused 1', 4, 'refused 3', 8]);
  });

  it.each([
    ['synchronously', (): Settlement<number>[] => { throw new Error('disk full'); }],
    ['asynchronously', async (): Promise<Settlement<number>[]> => { throw new Error('disk full'); }],
  ])('fails every request of a batch whose writer throws %s, and writes the next batch', async (_, throwing) => {
    let calls = 0;
    const group = new GroupCommit<number, number>((requests) => (calls++ === 0 ? throwing() : requests.map((n) => ok(n))));

    const settled = await Promise.allSettled([group.submit(1), group.submit(2)]);
    const after = await group.submit(3);

    expect(settled.map((s) => s.status === 'rejected' && (s.reason as Error).message)).toEqual(['disk full', 'disk full']);
    expect(after).toBe(3);
  });

  it('fails the whole batch when the writer does not answer every request', async () => {
    const group = new GroupCommit<number, number>(() => [ok(1)]);

    const settled = await Promise.allSettled([group.submit(1), group.submit(2)]);

    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('batches what is requested while an asynchronous batch is being written, in order, right after it', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const group = new GroupCommit<number, number>(async (requests) => {
      batches.push([...requests]);
      if (batches.length === 1) await held;
      return requests.map((n) => ok(n));
    });

    const first = group.submit(1);
    await nextTurn();
    await nextTurn();
    const waiting = [2, 3, 4].map((n) => group.submit(n));
    expect(batches).toEqual([[1]]);
    release();

    expect(await Promise.all([first, ...waiting])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('bounds a batch by the size of its requests, a single larger request going alone', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, number>(
      (requests) => {
        batches.push([...requests]);
        return requests.map((n) => ok(n));
      },
      { maxBatchSize: 5, sizeOf: (n) => n },
    );

    await Promise.all([2, 3, 1, 9, 4, 1].map((n) => group.submit(n)));

    expect(batches).toEqual([[2, 3], [1], [9], [4, 1]]);
  });

  it('is idle once every request submitted is settled', async () => {
    const { write } = recordingWriter();
    const group = new GroupCommit(write);
    const settledFirst: number[] = [];
    await group.idle();

    void group.submit(1).then((n) => settledFirst.push(n));
    void group.submit(2).then((n) => settledFirst.push(n));
    await group.idle();
    await Promise.resolve();

    expect(settledFirst).toEqual([2, 4]);
  });
});

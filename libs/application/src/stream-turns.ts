/**
 * Turns on streams within one process: whoever holds a stream's turn is its only writer here, the others queue
 * in arrival order. Only another process can then change a stream between a command's read and its append.
 */
export class StreamTurns {
  /** Per stream, the release of the last turn queued; a stream no one holds or waits for has no entry. */
  private readonly last = new Map<string, Promise<void>>();

  /**
   * Runs `work` holding the turns of every stream named, until it has resolved or failed. All are queued for in
   * one synchronous step, so two holders are in the same order on every stream they share: neither can wait for
   * the other (no deadlock), whatever order the streams are named in.
   */
  async run<T>(streamIds: readonly string[], work: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const streams = [...new Set(streamIds)];
    const before = streams.map((streamId) => {
      const previous = this.last.get(streamId);
      this.last.set(streamId, mine);
      return previous;
    });
    try {
      await Promise.all(before);
      return await work();
    } finally {
      release();
      for (const streamId of streams) if (this.last.get(streamId) === mine) this.last.delete(streamId);
    }
  }

  /** How many streams are held or waited for (0 once every turn has ended). */
  get size(): number {
    return this.last.size;
  }
}

/** Latencies in milliseconds, kept compactly for millions of samples. */
export class Latencies {
  private values = new Float64Array(1024);
  private count = 0;

  add(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  /** The p-th percentile (0–100), nearest rank. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const sorted = this.values.slice(0, this.count).sort();
    return sorted[Math.min(this.count - 1, Math.max(0, Math.ceil((p / 100) * this.count) - 1))]!;
  }
}

export const round = (value: number, decimals = 1): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Peak resident memory of this process so far, in MiB. */
export const peakRssMb = (): number => round(process.resourceUsage().maxRSS / 1024, 0);

export const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

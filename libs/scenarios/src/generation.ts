/** Small tools the generators share: the same seed always gives the same history. */

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A linear congruential generator: numbers in [0, 1), reproducible from the seed. */
export const seededRandom = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
};

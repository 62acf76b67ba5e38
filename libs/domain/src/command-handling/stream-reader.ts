import type { DomainEvent } from '../events';

/** How a stream folds into the state a decider needs (emmett's `evolve` and `initialState`). */
export interface Fold<S> {
  initial(): S;
  evolve(state: S, event: DomainEvent): S;
}

/** The port the generic handler reads through: the folded state of a stream and its last revision (-1: no stream). */
export interface StreamReader {
  readStream<S>(streamId: string, fold: Fold<S>): Promise<{ state: S; revision: number }>;
}

import type { Projection } from './projection';

/** Every projection the projector runs, in the order it applies them. */
export const ALL_PROJECTIONS: readonly Projection[] = [];

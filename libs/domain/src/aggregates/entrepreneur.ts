// Kept for treasury.ts (owned by the proj helper) until it imports entrepreneur/state.ts.
export * from '../entrepreneur/state';

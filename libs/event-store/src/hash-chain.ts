// The per-CAE hash chain as libs/event-store/index.ts exports it: canonical bytes, hashes, verification.
export * from './canonical-json';
export * from './chain-hash';
export * from './verify-log';

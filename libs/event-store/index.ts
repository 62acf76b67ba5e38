export * from './src/event-store';
export * from './src/hash-chain';
export * from './src/log-integrity';
export * from './src/in-memory-event-store';
export * from './src/sqlite-event-store';
export * from './src/eventstoredb-event-store';

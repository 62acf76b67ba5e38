export * from './src/read-store';
export * from './src/in-memory-read-store';
export * from './src/sqlite-read-store';
export * from './src/mongo-read-store';

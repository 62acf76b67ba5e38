export * from './src/command-service';
export * from './src/sealing';
export * from './src/runtime';
export * from './src/config';
export * from './src/projector';
export * from './src/process';
export * from './src/verify-read-models';
export * from './src/health';

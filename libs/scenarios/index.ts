export * from './src/history';
export * from './src/demo-network';

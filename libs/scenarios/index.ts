export * from './src/history';
export * from './src/demo-network';
export * from './src/coodyssee-2016';
export * from './src/network-history';
export * from './src/generation';
export * from './src/workload';
export * from './src/demo-accounts';
export * from './src/demo-identities';

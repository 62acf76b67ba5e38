/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/projections', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // openid-client, oauth4webapi and jose ship ES modules only: compiled to CommonJS for Jest (Node loads them with require).
    '^.+/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Generous: the machines are shared, and an fsync per append is slow when the disk is busy (speed is for benchmarks).
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};

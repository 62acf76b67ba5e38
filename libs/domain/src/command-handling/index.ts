export type { Fold, StreamReader } from './stream-reader';
export * from './decision';
export { defineCommand, type Boundary, type CommandDefinition, type LoadPlan } from './define-command';
export { COMMANDS, decide, planOf } from './registry';
export { handleCommand, streamsOf, type CommandStreams, type Handled } from './handle-command';

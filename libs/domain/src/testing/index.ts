export { decidedEvent, decideOn, given, record, TODAY, type History, type Then } from './given-when-then';
export { InMemoryStreams } from './in-memory-streams';
export * from './commands';
export * from './histories';

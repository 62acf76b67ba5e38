export * from './projector';
export * from './read-models';
export * from './kafka-projector';
export * from './quarantine';
export * from './log-consumer';
export * from './applied-revisions';

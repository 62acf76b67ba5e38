export * from './projector';
export * from './read-models';
export * from './kafka-projector';
export * from './quarantine';

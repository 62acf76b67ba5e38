export * from './projector';
export * from './read-models';

export * from './src/event-publisher';
export * from './src/event-message';
export * from './src/in-process-event-bus';
export * from './src/kafka-event-publisher';
export * from './src/kafka-event-consumer';

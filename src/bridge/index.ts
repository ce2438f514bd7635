export * from './kafka-bridge';

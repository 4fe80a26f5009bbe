export * from './load-door-vectors';

export * from './load-normalize-vectors';

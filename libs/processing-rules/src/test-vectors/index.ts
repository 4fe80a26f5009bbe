export * from './load-rules-vectors';

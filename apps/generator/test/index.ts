export * from './ingest-servers';
export * from './run-with-flags';

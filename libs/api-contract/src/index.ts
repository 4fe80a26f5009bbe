// The api's wire contract, written once: the api's route schemas (and so its OpenAPI document),
// the web's checks of what the api answers, and the web tests' stand-in api all use these.
export * from './alerts';
export * from './audit';
export * from './context';
export * from './cursors';
export * from './dashboard-tiles';
export * from './error-body';
export * from './export';
export * from './facets';
export * from './filters';
export * from './freshness';
export * from './health';
export * from './histogram';
export * from './ingest';
export * from './ingest-errors';
export * from './logs';
export * from './patterns';
export * from './producers';
export * from './saved-searches';
export * from './stats';
export * from './stored-log';
export * from './tail';
export * from './web-sessions';
export * from './web-limits';

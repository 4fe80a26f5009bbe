export * from './log-fields';
export * from './search-syntax-error';
export * from './parse-search';
export * from './stats-functions';
export * from './parse-stats';

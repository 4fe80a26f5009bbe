export * from './levels';
export * from './limits';
export * from './log-event';
export * from './normalize-event';
export * from './json-text';
export * from './parse-timestamp';
export * from './migrations';
export * from './lone-surrogate';

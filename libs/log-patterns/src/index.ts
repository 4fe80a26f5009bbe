export * from './derive-pattern';
export * from './group-templates';
export * from './group-patterns';
export * from './pattern-sql';
export { VARIABLE } from './variable-rules';

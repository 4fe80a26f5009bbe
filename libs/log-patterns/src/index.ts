export * from './derive-pattern';
export * from './group-templates';
export { VARIABLE } from './variable-rules';

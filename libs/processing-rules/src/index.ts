export * from './rule';
export * from './load/load-rules';
export * from './apply/apply-rules';
export { sampleThreshold } from './apply/sample-event';
export type { SafeRegex } from './regex/safe-regex';
export * from './search/match-search';
export * from './multiline/multiline-joiner';

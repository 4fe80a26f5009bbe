export * from './located-yaml';
export * from './mapping-reader';

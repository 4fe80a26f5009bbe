export * from './loghub-lines';
export * from './pattern-messages';

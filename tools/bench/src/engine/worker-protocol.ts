/** The line an engine worker prints its result on: `RESULT <json>`. */
export const RESULT_PREFIX = 'RESULT ';

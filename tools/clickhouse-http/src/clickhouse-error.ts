/**
 * Errors in ClickHouse's wire form: `Code: N. DB::Exception: <message>. (NAME) (version V)`, with
 * the HTTP status ClickHouse's server gives that error (src/Server/HTTP/exceptionCodeToHTTPStatus.cpp).
 */

/** An error the front raises itself, before or around the engine (authentication, the request's shape). */
export class ClickHouseHttpError extends Error {
  override readonly name = 'ClickHouseHttpError';
  constructor(
    readonly code: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Error codes the front raises, as ClickHouse numbers them (checked with errorCodeToName in the engine). */
export const ErrorCode = {
  BAD_ARGUMENTS: 36,
  NOT_IMPLEMENTED: 48,
  SYNTAX_ERROR: 62,
  UNKNOWN_COMPRESSION_METHOD: 89,
  UNKNOWN_SETTING: 115,
  QUERY_IS_TOO_LARGE: 229,
  CANNOT_DECOMPRESS: 271,
  HTTP_LENGTH_REQUIRED: 381,
  AUTHENTICATION_FAILED: 516,
  STD_EXCEPTION: 1001,
} as const;

export function clickHouseError(type: keyof typeof ErrorCode, message: string): ClickHouseHttpError {
  return new ClickHouseHttpError(ErrorCode[type], type, message);
}

const STATUS_BY_TYPE = new Map<string, number>([
  ['REQUIRED_PASSWORD', 401],
  ...['UNKNOWN_USER', 'WRONG_PASSWORD', 'AUTHENTICATION_FAILED', 'SET_NON_GRANTED_ROLE', 'ACCESS_DENIED'].map((type) => [type, 403] as const),
  ...[
    'BAD_ARGUMENTS', 'CANNOT_COMPILE_REGEXP', 'CANNOT_PARSE_TEXT', 'CANNOT_PARSE_ESCAPE_SEQUENCE', 'CANNOT_PARSE_QUOTED_STRING',
    'CANNOT_PARSE_DATE', 'CANNOT_PARSE_DATETIME', 'CANNOT_PARSE_NUMBER', 'CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING', 'CANNOT_PARSE_IPV4',
    'CANNOT_PARSE_IPV6', 'CANNOT_PARSE_INPUT_ASSERTION_FAILED', 'CANNOT_PARSE_UUID', 'DUPLICATE_COLUMN', 'ILLEGAL_COLUMN',
    'UNKNOWN_ELEMENT_IN_AST', 'UNKNOWN_TYPE_OF_AST_NODE', 'THERE_IS_NO_COLUMN', 'TOO_DEEP_AST', 'TOO_BIG_AST',
    'UNEXPECTED_AST_STRUCTURE', 'SYNTAX_ERROR', 'INCORRECT_DATA', 'TYPE_MISMATCH', 'VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE',
  ].map((type) => [type, 400] as const),
  ...[
    'UNKNOWN_TABLE', 'UNKNOWN_FUNCTION', 'UNKNOWN_IDENTIFIER', 'UNKNOWN_TYPE', 'UNKNOWN_STORAGE', 'UNKNOWN_DATABASE',
    'UNKNOWN_SETTING', 'UNKNOWN_DIRECTION_OF_SORTING', 'UNKNOWN_AGGREGATE_FUNCTION', 'UNKNOWN_FORMAT',
    'UNKNOWN_DATABASE_ENGINE', 'UNKNOWN_TYPE_OF_QUERY', 'UNKNOWN_ROLE',
  ].map((type) => [type, 404] as const),
  ['QUERY_IS_TOO_LARGE', 413],
  ['NOT_IMPLEMENTED', 501],
  ['SOCKET_TIMEOUT', 503],
  ['CANNOT_OPEN_FILE', 503],
  ['CANNOT_SCHEDULE_TASK', 503],
  ['HTTP_LENGTH_REQUIRED', 411],
  ['TIMEOUT_EXCEEDED', 408],
  ['UNSUPPORTED_MEDIA_TYPE', 415],
]);

/** The HTTP status ClickHouse answers an error of this type with; 500 for every other type. */
export function httpStatusOf(type: string): number {
  return STATUS_BY_TYPE.get(type) ?? 500;
}

export interface WireError {
  code: number;
  type: string;
  /** The response body, one line as the server writes it. */
  body: string;
}

const ENGINE_MESSAGE = /^Code: (\d+)\. [\s\S]*\(([A-Z0-9_]+)\)$/;

/**
 * Turns what went wrong into the server's answer. The engine's own errors already read
 * `Code: N. DB::Exception: ... (NAME)`; the server adds its version, and so does the front.
 */
export function toWireError(error: unknown, version: string): WireError {
  if (error instanceof ClickHouseHttpError) {
    return { code: error.code, type: error.type, body: `Code: ${error.code}. DB::Exception: ${error.message}. (${error.type}) (version ${version})\n` };
  }
  const message = error instanceof Error ? error.message : String(error);
  const engine = ENGINE_MESSAGE.exec(message);
  if (engine) return { code: Number(engine[1]), type: engine[2], body: `${message} (version ${version})\n` };
  return toWireError(clickHouseError('STD_EXCEPTION', message), version);
}

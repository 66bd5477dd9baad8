import { notFoundCodes, type CognitoException, type GatewayCode, type UnknownExceptionCode } from './codes';

export interface GatewayErrorOptions {
  /** The argument or input field at fault, such as `input.username` or `first`. */
  field?: string;
  /** The Cognito exception this error is the answer to; absent for the gateway's own errors. */
  exception?: CognitoException;
  /** The name of a Cognito exception the code table does not know (its code is derived from it). */
  unknownException?: string;
  /** The Cognito operation that answered, or that could not be made. */
  operation?: string;
  /** Further facts a client may act on (`limit`, `retryAfterSeconds`, ...), passed on as they are. */
  details?: Readonly<Record<string, unknown>>;
  /** Headers the HTTP response should carry when this error refuses the request (`Retry-After`). */
  headers?: Readonly<Record<string, string>>;
  cause?: unknown;
}

/**
 * An expected failure, below the schema: a code of the one table, a message fit for the client,
 * and what it is about. It knows nothing of GraphQL; the schema edge turns it into a GraphQL
 * error (queries) or a typed result (mutations).
 */
export class GatewayError extends Error {
  readonly field: string | undefined;
  readonly exception: CognitoException | undefined;
  readonly unknownException: string | undefined;
  readonly operation: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(
    readonly code: GatewayCode | UnknownExceptionCode,
    message: string,
    options: GatewayErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.field = options.field;
    this.exception = options.exception;
    this.unknownException = options.unknownException;
    this.operation = options.operation;
    this.details = options.details ?? {};
    this.headers = options.headers;
  }
}

/** Bad input, found before any Cognito call: names the field and the reason. */
export function invalidInput(field: string, reason: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', `Invalid \`${field}\`: ${reason}.`, { field, details: { reason } });
}

/** The reason of an invalidInput error (what the InvalidInputError type shows). */
export function inputReason(error: GatewayError): string {
  const reason = error.details['reason'];
  return typeof reason === 'string' ? reason : error.message;
}

/** Whether the input was refused by the gateway's own checks (not by Cognito). */
export function isInvalidInput(error: unknown): error is GatewayError {
  return error instanceof GatewayError && error.code === 'BAD_USER_INPUT' && error.exception === undefined;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof GatewayError && notFoundCodes.has(error.code as GatewayCode);
}

import { exceptionCodes, isCognitoException, unknownExceptionCode } from '../domain/codes';
import { GatewayError } from '../domain/gateway-error';

interface ServiceErrorLike {
  name?: unknown;
  message?: unknown;
  __type?: unknown;
}

/** The Cognito exception an error stands for (`__type` when the SDK shortened the name). */
export function exceptionName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, __type } = error as ServiceErrorLike;
  if (typeof __type === 'string' && isCognitoException(__type)) return __type;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The gateway's error for an expected Cognito answer (an exception of the code table), keeping
 * Cognito's own message; undefined when the error is unexpected, so that it is thrown on
 * unchanged and masked for the client at the edge.
 */
export function fromCognitoException(error: unknown, operation: string): GatewayError | undefined {
  const name = exceptionName(error);
  if (name === undefined || !isCognitoException(name)) return undefined;
  const code = exceptionCodes.get(name)!;
  const message = (error as ServiceErrorLike).message;
  return new GatewayError(code, typeof message === 'string' && message !== '' ? message : `${operation} failed: ${name}`, {
    exception: name,
    operation,
  });
}

/**
 * A Cognito answer the code table does not know: an SDK error that came with an HTTP status and an
 * exception name. It gets a stable code of its own rather than being masked; undefined for
 * anything that is not such an answer (a bug, a network error).
 */
export function fromUnknownException(error: unknown, operation: string): GatewayError | undefined {
  const name = exceptionName(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  if (name === undefined || status === undefined || name === 'Error') return undefined;
  const message = (error as ServiceErrorLike).message;
  return new GatewayError(
    unknownExceptionCode(name),
    typeof message === 'string' && message !== '' ? message : `${operation} failed: ${name}`,
    {
      unknownException: name,
      operation,
      details: { httpStatus: status },
    },
  );
}

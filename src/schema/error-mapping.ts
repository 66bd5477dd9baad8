import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { gatewayCodes, type CodeSpec, type CognitoException } from '../domain/codes';
import { GatewayError, isInvalidInput } from '../domain/gateway-error';
import type { Logger } from '../domain/logger';

/**
 * The schema edge: a GatewayError becomes a GraphQL error here, and nowhere else. Its code goes in
 * `extensions.code`, what it is about beside it (`field`, `operation`, `cognitoError`, details).
 * The HTTP status is set, as the GraphQL-over-HTTP spec asks, only by the gateway's own refusals
 * of a whole request (a bad credential, a body too large, a query too complex): an error at a
 * field's path is part of a response that has data, which is answered with 200.
 */
export function toGraphQLError(error: GatewayError, located?: GraphQLError): GraphQLError {
  const spec: CodeSpec | undefined = (gatewayCodes as Record<string, CodeSpec>)[error.code];
  const atField = located?.path !== undefined;
  const setsStatus = spec?.refusesRequest === true && error.exception === undefined && !atField;
  return new GraphQLError(error.message, {
    ...(located ? { nodes: located.nodes, source: located.source, positions: located.positions, path: located.path } : {}),
    originalError: error,
    extensions: {
      code: error.code,
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(error.exception !== undefined ? { cognitoError: error.exception } : {}),
      ...(error.unknownException !== undefined ? { cognitoError: error.unknownException } : {}),
      ...(error.operation !== undefined ? { operation: error.operation } : {}),
      ...withoutReason(error),
      ...(setsStatus ? { http: { status: spec!.status, ...(error.headers ? { headers: error.headers } : {}) } } : {}),
      ...(!setsStatus && error.headers ? { http: { headers: error.headers } } : {}),
    },
  });
}

/** An invalid input's reason is in its message and its typed result, not repeated in extensions. */
function withoutReason(error: GatewayError): Record<string, unknown> {
  const { reason, ...rest } = error.details;
  return isInvalidInput(error) ? rest : { ...rest, ...(reason === undefined ? {} : { reason }) };
}

/**
 * yoga's error masking, with GatewayErrors passed on in their GraphQL form: anything else that
 * is not a GraphQL error is unexpected, so it is masked for the client and logged for the operator.
 * Clients never get an original error or its stack, whatever NODE_ENV says (yoga's own default
 * adds them when it is `development`): the log has them.
 */
export function gatewayErrorMasking(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const located = error instanceof GraphQLError ? error : undefined;
    const gatewayError = underlyingGatewayError(error);
    if (gatewayError) return toGraphQLError(gatewayError, located);
    // Pothos refuses an argument it cannot parse (a global id that is not one): the client's input.
    if (underlying(error) instanceof PothosValidationError) {
      return toGraphQLError(new GatewayError('BAD_USER_INPUT', (underlying(error) as Error).message), located);
    }
    // yoga parses a GET's `variables` and `extensions` with JSON.parse, and lets its SyntaxError
    // (which quotes them) through: the client's input, said without repeating it, and not logged.
    if (error instanceof SyntaxError) {
      return toGraphQLError(new GatewayError('BAD_REQUEST', 'The `variables` or `extensions` parameter is not valid JSON.'));
    }
    const masked = maskError(error, message, false);
    if (masked !== error) logger.error('unexpected error (masked for the client):', error);
    return withoutQuotedInput(masked);
  };
}

/**
 * yoga's own refusals may carry `extensions.originalError`: a body that is not JSON does, with
 * the parser's message quoting part of the body (which may hold a password). Clients get the
 * refusal's own message there instead. The extension stays: yoga answers 400 rather than 200 by
 * its presence. Changed in place: an error returned as it came is not logged by yoga, which is
 * right for a client's mistake (and keeps the quoted body out of the log too).
 */
function withoutQuotedInput(error: Error): Error {
  const original = error instanceof GraphQLError ? error.extensions['originalError'] : undefined;
  if (original !== null && typeof original === 'object' && !(original instanceof GraphQLError)) {
    const { name } = original as { name?: unknown };
    (error as GraphQLError).extensions['originalError'] = { ...(typeof name === 'string' ? { name } : {}), message: error.message };
  }
  return error;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Pothos takes classes by `new (...args: any[])`
/** The error at the bottom of GraphQL's wrappings (a located error, a plugin's). */
function underlying(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

function underlyingGatewayError(error: unknown): GatewayError | undefined {
  const found = underlying(error);
  return found instanceof GatewayError ? found : undefined;
}

type ErrorClass = new (...args: any[]) => GatewayError;

/**
 * A class that stands for the GatewayErrors `matches` accepts: Pothos picks a mutation's typed
 * result by `instanceof`, and this is how one GatewayError class serves every error type.
 */
function errorClass(name: string, matches: (error: GatewayError) => boolean): ErrorClass {
  return {
    [name]: class extends GatewayError {
      static override [Symbol.hasInstance](value: unknown): boolean {
        return value instanceof GatewayError && matches(value);
      }
    },
  }[name] as ErrorClass;
}

/** The input refused by the gateway's own checks, before any Cognito call. */
export const InvalidInputError = errorClass('InvalidInputError', isInvalidInput);

/** `UsernameExistsException` → `UsernameExistsError`, the GraphQL type of that answer. */
export function errorTypeName(exception: CognitoException): string {
  return `${exception.replace(/^CognitoLocal#/, 'NotSupportedByLocalCognito').replace(/(Exception)?$/, '')}Error`;
}

const exceptionClasses = new Map<CognitoException, ErrorClass>();

/** The class standing for Cognito's `exception` answers (one per exception, made once). */
export function exceptionErrorClass(exception: CognitoException): ErrorClass {
  let found = exceptionClasses.get(exception);
  if (!found) {
    found = errorClass(errorTypeName(exception), (error) => error.exception === exception);
    exceptionClasses.set(exception, found);
  }
  return found;
}

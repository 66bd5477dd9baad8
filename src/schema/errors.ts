import type { CognitoException } from '../domain/codes';
import { inputReason, type GatewayError } from '../domain/gateway-error';
import { builder } from './builder';
import { errorTypeName, exceptionErrorClass, InvalidInputError } from './error-mapping';

/**
 * What every typed failure of a mutation carries; clients switch on `__typename` or `code`.
 * Prefixed, as `CognitoViewer` is (README, "Names in a supergraph"): most subgraphs of a
 * supergraph have an `Error` interface of their own, with other fields, and the two would not compose.
 */
export const ErrorInterface = builder.interfaceRef<GatewayError>('CognitoError').implement({
  description: 'An expected failure a mutation returns as a result instead of a GraphQL error.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'A stable code, the same as in `extensions.code` of GraphQL errors.' }),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'The input was refused before any Cognito call.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.string({ description: 'Path of the input field, such as `input.username`.', resolve: (error) => error.field ?? 'input' }),
    reason: t.string({ resolve: (error) => inputReason(error) }),
  }),
});

const registered = new Set<CognitoException>();

/**
 * The Cognito answers a mutation returns as typed results, by exception name (a name outside the
 * code table does not compile); each GraphQL type (`UsernameExistsError`, ...) is declared the
 * first time a mutation names it.
 */
export function cognitoErrors(...exceptions: CognitoException[]) {
  return exceptions.map((exception) => {
    const ErrorClass = exceptionErrorClass(exception);
    if (!registered.has(exception)) {
      registered.add(exception);
      builder.objectType(ErrorClass, {
        name: errorTypeName(exception),
        description: `Cognito answered ${exception}.`,
        interfaces: [ErrorInterface],
        isTypeOf: (value) => value instanceof ErrorClass,
        fields: () => ({}),
      });
    }
    return ErrorClass;
  });
}

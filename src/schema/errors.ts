import { type CognitoError, cognitoErrorClass, errorTypeName } from '../cognito/errors';
import { InvalidInputError } from '../errors';
import { builder } from './builder';

/** What every typed failure of a mutation carries; clients switch on `__typename` or `code`. */
export const ErrorInterface = builder.interfaceRef<Error & { code: string }>('Error').implement({
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
    field: t.exposeString('field', { description: 'Path of the input field, such as `input.username`.' }),
    reason: t.exposeString('reason'),
  }),
});

const registered = new Set<string>();

/**
 * The classes of the Cognito failures a mutation returns as typed results, by exception name;
 * each GraphQL type (`UsernameExistsError`, ...) is declared the first time a mutation names it.
 */
export function cognitoErrors(...exceptions: string[]): (new (...args: never[]) => CognitoError)[] {
  return exceptions.map((exception) => {
    const ErrorClass = cognitoErrorClass(exception);
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

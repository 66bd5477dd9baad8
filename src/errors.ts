import { GraphQLError } from 'graphql';

/** Bad input, found before any Cognito call: names the field and the reason. */
export function inputError(field: string, reason: string): GraphQLError {
  return new GraphQLError(`Invalid \`${field}\`: ${reason}.`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

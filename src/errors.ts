import { GraphQLError } from 'graphql';

/** Bad input, found before any Cognito call: names the field and the reason. */
export class InvalidInputError extends GraphQLError {
  readonly code = 'BAD_USER_INPUT';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid \`${field}\`: ${reason}.`, { extensions: { code: 'BAD_USER_INPUT', field } });
    this.name = 'InvalidInputError';
  }
}

export function inputError(field: string, reason: string): InvalidInputError {
  return new InvalidInputError(field, reason);
}

/** A refusal that is about who is calling, not what they sent; `headers` go on the HTTP response. */
export function accessError(
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED',
  message: string,
  status: number,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status, ...(headers ? { headers } : {}) }, ...extra } });
}

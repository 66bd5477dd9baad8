import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Output members that hold secrets, by operation. The call path removes them before any other
 * code sees the output, so no field, log or cache can leak them by accident; the one exception
 * is a new client's secret, which its creator asks for explicitly (see CallOptions).
 */
const clientSecret = { container: 'UserPoolClient', member: 'ClientSecret' } as const;

const secretMembers: Readonly<Record<string, typeof clientSecret>> = {
  CreateUserPoolClient: clientSecret,
  DescribeUserPoolClient: clientSecret,
  UpdateUserPoolClient: clientSecret,
};

/** A client description with its secret already removed by the call path. */
export type RedactedClient = Omit<UserPoolClientType, 'ClientSecret'> & { HasClientSecret?: boolean };

export function redactSecrets(operation: string, output: Record<string, unknown>): void {
  const secret = secretMembers[operation];
  const holder = secret ? (output[secret.container] as Record<string, unknown> | undefined) : undefined;
  if (!secret || !holder || !(secret.member in holder)) return;
  delete holder[secret.member];
  // What remains true after the secret is gone: that the client has one.
  holder['HasClientSecret'] = true;
}

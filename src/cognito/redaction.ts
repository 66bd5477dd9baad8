import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Output members that hold secrets, by operation. The call path removes them before any other
 * code sees the output, so no field, log or cache can leak them by accident; the exceptions are
 * a new client's secret and a secret added to a client, which their creator asks for
 * explicitly, and a new TOTP secret, which the user setting it up must see once (see CallOptions).
 */
interface SecretMember {
  /**
   * The output member holding the secret (an object, or a list of objects each holding one);
   * absent when the secret is a member of the output itself.
   */
  container?: string;
  member: string;
  /** What remains true once the secret is gone, set on its holder. */
  remains?: string;
}

const clientSecret: SecretMember = { container: 'UserPoolClient', member: 'ClientSecret', remains: 'HasClientSecret' };
/** The TOTP shared secret of AssociateSoftwareToken (issue 16). */
const totpSecret: SecretMember = { member: 'SecretCode' };
/** A client secret's value beside its metadata (issue 17): only its creator sees it, once, when it asks. */
const addedClientSecret: SecretMember = { container: 'ClientSecretDescriptor', member: 'ClientSecretValue' };
const listedClientSecrets: SecretMember = { container: 'ClientSecrets', member: 'ClientSecretValue' };

const secretMembers: Readonly<Record<string, SecretMember>> = {
  CreateUserPoolClient: clientSecret,
  DescribeUserPoolClient: clientSecret,
  UpdateUserPoolClient: clientSecret,
  AssociateSoftwareToken: totpSecret,
  AddUserPoolClientSecret: addedClientSecret,
  ListUserPoolClientSecrets: listedClientSecrets,
};

/** A client description with its secret already removed by the call path. */
export type RedactedClient = Omit<UserPoolClientType, 'ClientSecret'> & { HasClientSecret?: boolean };

export function redactSecrets(operation: string, output: Record<string, unknown>): void {
  const secret = secretMembers[operation];
  if (!secret) return;
  const container = secret.container ? output[secret.container] : output;
  const holders = (Array.isArray(container) ? container : [container]) as (Record<string, unknown> | undefined | null)[];
  for (const holder of holders) {
    if (!holder || typeof holder !== 'object' || !(secret.member in holder)) continue;
    delete holder[secret.member];
    if (secret.remains) holder[secret.remains] = true;
  }
}

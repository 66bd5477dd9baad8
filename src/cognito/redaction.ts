import type { IdentityProviderType, UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Output members that hold secrets, by operation. The call path removes them before any other
 * code sees the output, so no field, log or cache can leak them by accident; the exceptions are
 * a new client's secret and a secret added to a client, which their creator asks for
 * explicitly, a new TOTP secret, which the user setting it up must see once, and the SRP values
 * of a sign-in challenge, which only the gateway's SRP code reads (see CallOptions).
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

/**
 * The SRP values of PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER (issue 16): the gateway answers
 * these challenges itself (src/resolvers/srp-sign-in.ts, device-tracking.ts), so they are never a
 * caller's to see or an operator's to read.
 */
export const SRP_CHALLENGE_PARAMETERS = ['SRP_B', 'SALT', 'SECRET_BLOCK'] as const;
const srpValues: SecretMember[] = SRP_CHALLENGE_PARAMETERS.map((member) => ({ container: 'ChallengeParameters', member }));

const secretMembers: Readonly<Record<string, SecretMember | SecretMember[]>> = {
  CreateUserPoolClient: clientSecret,
  DescribeUserPoolClient: clientSecret,
  UpdateUserPoolClient: clientSecret,
  AssociateSoftwareToken: totpSecret,
  AddUserPoolClientSecret: addedClientSecret,
  ListUserPoolClientSecrets: listedClientSecrets,
  InitiateAuth: srpValues,
  AdminInitiateAuth: srpValues,
  RespondToAuthChallenge: srpValues,
  AdminRespondToAuthChallenge: srpValues,
};

/** A client description with its secret already removed by the call path. */
export type RedactedClient = Omit<UserPoolClientType, 'ClientSecret'> & { HasClientSecret?: boolean };

export function redactSecrets(operation: string, output: Record<string, unknown>): void {
  if (providerAnswers.has(operation)) redactProviderSecrets(output);
  const secrets = secretMembers[operation];
  for (const secret of secrets === undefined ? [] : Array.isArray(secrets) ? secrets : [secrets]) {
    const container = secret.container ? output[secret.container] : output;
    const holders = (Array.isArray(container) ? container : [container]) as (Record<string, unknown> | undefined | null)[];
    for (const holder of holders) {
      if (!holder || typeof holder !== 'object' || !(secret.member in holder)) continue;
      delete holder[secret.member];
      if (secret.remains) holder[secret.remains] = true;
    }
  }
}

/** A sign-in answer without the SRP values of its challenge: what the gateway's SRP steps did not consume is not the caller's. */
export function withoutSrpValues<Answer extends { ChallengeParameters?: Record<string, string> | undefined }>(answer: Answer): Answer {
  if (!answer.ChallengeParameters) return answer;
  const parameters = { ...answer.ChallengeParameters };
  for (const name of SRP_CHALLENGE_PARAMETERS) delete parameters[name];
  return { ...answer, ChallengeParameters: parameters };
}

// ---------------------------------------------------------------------------------------------
// Identity providers (issue 17): Cognito's Describe returns an OIDC or social provider's
// client_secret and Sign in with Apple's private_key among its ProviderDetails.
// ---------------------------------------------------------------------------------------------

/** ProviderDetails keys that hold a secret, whatever the provider type. */
export const secretProviderDetails: readonly string[] = ['client_secret', 'private_key'];

/** Operations whose output holds an IdentityProvider with its ProviderDetails. */
const providerAnswers: ReadonlySet<string> = new Set([
  'CreateIdentityProvider',
  'DescribeIdentityProvider',
  'UpdateIdentityProvider',
  'GetIdentityProviderByIdentifier',
]);

/** What remains once a provider's secrets are gone: the names of those it had. */
export const REDACTED_PROVIDER_DETAILS = 'RedactedProviderDetails';

function redactProviderSecrets(output: Record<string, unknown>): void {
  const provider = output['IdentityProvider'] as Record<string, unknown> | undefined;
  const details = provider?.['ProviderDetails'] as Record<string, unknown> | undefined;
  if (!provider || !details) return;
  const removed = secretProviderDetails.filter((key) => key in details);
  for (const key of removed) delete details[key];
  provider[REDACTED_PROVIDER_DETAILS] = removed;
}

/** An identity provider description with its secret details already removed by the call path. */
export type RedactedIdentityProvider = IdentityProviderType & { [REDACTED_PROVIDER_DETAILS]?: string[] };

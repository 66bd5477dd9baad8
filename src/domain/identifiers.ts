import { invalidInput } from './gateway-error';

/**
 * Shapes of Cognito's identifiers and secrets from the API reference. Checked before any call,
 * so a typo gets an answer that names the field instead of a round trip and Cognito's generic
 * error. Secrets are never echoed back in the reason.
 */
const rules = {
  userPoolId: { pattern: /^[\w-]+_[0-9a-zA-Z]+$/, min: 1, max: 55, hint: 'a pool id such as eu-west-1_AbCdEf123' },
  username: { pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, min: 1, max: 128, hint: 'letters, digits and symbols without spaces' },
  groupName: { pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, min: 1, max: 128, hint: 'letters, digits and symbols without spaces' },
  clientId: { pattern: /^[\w+]+$/, min: 1, max: 128, hint: 'an app client id such as 6s1kq0m5e3n0v3r7c4ld3m0' },
  password: { pattern: /^\S(.*\S)?$/su, min: 1, max: 256, hint: 'no leading or trailing white space' },
  confirmationCode: { pattern: /^\S+$/, min: 1, max: 2048, hint: 'the code without spaces' },
  attributeName: { pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, min: 1, max: 32, hint: 'a name such as email or custom:department' },
  attributeValue: { pattern: /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/u, min: 0, max: 2048, hint: 'text without control characters' },
  /** A custom challenge's answer: free text a Lambda trigger checks (it may hold spaces). */
  challengeAnswer: { pattern: /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]+$/u, min: 1, max: 2048, hint: 'text without control characters' },
  session: { pattern: /^\S+$/, min: 20, max: 2048, hint: 'the session string Cognito returned with the challenge' },
  token: { pattern: /^\S+$/, min: 1, max: 16384, hint: 'a token as Cognito issued it' },
  sessionId: { pattern: /^\S+$/, min: 1, max: 256, hint: 'a session id as listed in sessions, such as tkna7b3c9d2e5f8g1h4j6k0m2n5p' },
  // WebAuthn credential ids are at most 1023 bytes, base64url-encoded by Cognito (at most 1364 characters).
  credentialId: { pattern: /^[A-Za-z0-9_-]+$/, min: 1, max: 1364, hint: 'a passkey’s credentialId as listed in passkeys (base64url)' },
  // OAuth scope characters (RFC 6749 §3.3): printable ASCII but space, double quote and backslash.
  scope: { pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/, min: 1, max: 256, hint: 'an OAuth scope such as my-api/read' },
  deviceKey: { pattern: /^[\w-]+_[0-9a-f-]+$/, min: 1, max: 55, hint: 'a device key such as eu-west-1_0a1b2c3d-...' },
  jobId: { pattern: /^import-[0-9a-zA-Z-]+$/, min: 1, max: 55, hint: 'an import job id such as import-AbC123' },
  name: { pattern: /^[\w\s+=,.@-]+$/u, min: 1, max: 128, hint: 'letters, digits, spaces and + = , . @ -' },
  description: { pattern: /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/u, min: 0, max: 2048, hint: 'text without control characters' },
  roleArn: {
    pattern: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/,
    min: 20,
    max: 2048,
    hint: 'an IAM role ARN',
  },
  url: { pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, min: 1, max: 1024, hint: 'a URL without spaces' },
  // MFA (issue 16)
  totpCode: { pattern: /^[0-9]{6}$/, min: 6, max: 6, hint: 'the 6 digits the authenticator app shows' },
  // Sign-in risk and linked identities (issue 16)
  eventId: { pattern: /^[\w+-]+$/, min: 1, max: 50, hint: 'an auth event id as AdminListUserAuthEvents gives it' },
  providerName: {
    pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$/u,
    min: 1,
    max: 32,
    hint: 'a provider name such as Cognito, Google or a SAML provider',
  },
  providerAttribute: {
    pattern: /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/u,
    min: 0,
    max: 131072,
    hint: 'text without control characters',
  },
  // Branding and terms (issue 17): both ids are version-4 UUIDs (API reference)
  managedLoginBrandingId: {
    pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/,
    min: 36,
    max: 36,
    hint: 'a branding style id such as 6a1b2c3d-0000-4000-8000-000000000001',
  },
  termsId: {
    pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/,
    min: 36,
    max: 36,
    hint: 'a terms id such as 7a1b2c3d-0000-4000-8000-000000000001',
  },
  // Log delivery and replicas (issue 17): ArnType and S3ArnType of the API reference
  arn: {
    pattern: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/,
    min: 20,
    max: 2048,
    hint: 'an ARN such as arn:aws:logs:eu-west-1:123456789012:log-group:cognito-logs',
  },
  s3BucketArn: {
    pattern: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:::[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/,
    min: 3,
    max: 1024,
    hint: 'a bucket ARN such as arn:aws:s3:::my-cognito-logs',
  },
  regionName: { pattern: /^[a-z]{2}(-[a-z]+)+-[0-9]+$/, min: 5, max: 32, hint: 'an AWS Region such as eu-central-1' },
  // Client secrets and tags (issue 17)
  clientSecret: { pattern: /^[\w+]+$/, min: 24, max: 64, hint: 'letters, digits, _ and +' },
  clientSecretId: {
    pattern: /^\S+$/,
    min: 1,
    max: 128,
    hint: 'a secret id as listed in a client’s secrets, such as <clientId>--1767225600',
  },
  tagKey: { pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, min: 1, max: 128, hint: 'letters, digits, spaces and _ . : / = + - @' },
  tagValue: { pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, min: 0, max: 256, hint: 'letters, digits, spaces and _ . : / = + - @' },
  // Domains, identity providers and resource servers (issue 17), from the API reference
  domain: {
    pattern: /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    min: 1,
    max: 253,
    hint: 'a prefix such as my-app, or a custom domain such as auth.example.com, in lower case',
  },
  certificateArn: {
    pattern: /^arn:[\w+=/,.@-]+:acm:[\w+=/,.@-]*:[0-9]+:certificate\/[\w+=/,.@-]+$/,
    min: 20,
    max: 2048,
    hint: 'an ACM certificate ARN in us-east-1',
  },
  idpIdentifier: { pattern: /^[\w\s+=.@-]+$/u, min: 1, max: 40, hint: 'letters, digits, spaces and + = . @ - (such as example.com)' },
  providerDetailKey: { pattern: /^[\w.:-]+$/, min: 1, max: 256, hint: 'a setting name such as client_id or MetadataURL' },
  providerDetailValue: {
    pattern: /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/u,
    min: 0,
    max: 131072,
    hint: 'text without control characters',
  },
  resourceServerIdentifier: {
    pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/,
    min: 1,
    max: 256,
    hint: 'an identifier such as https://api.example.com',
  },
  resourceServerName: { pattern: /^[\w\s+=,.@-]+$/u, min: 1, max: 256, hint: 'letters, digits, spaces and + = , . @ -' },
  // A scope's own name: an OAuth scope character but "/", which joins it to its server's identifier.
  scopeName: { pattern: /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/, min: 1, max: 256, hint: 'a scope name such as orders.read, without /' },
  scopeDescription: { pattern: /^[^\u0000-\u001f]+$/u, min: 1, max: 256, hint: 'text without control characters' },
  // Device tracking (issue 16): what a sign-in that remembered a device returned to keep.
  deviceGroupKey: { pattern: /^\S+$/, min: 1, max: 256, hint: 'the groupKey a sign-in returned with its newDevice' },
  devicePassword: { pattern: /^[A-Za-z0-9+/=]+$/, min: 1, max: 256, hint: 'the password a sign-in returned with its newDevice' },
} as const;

export type IdentifierKind = keyof typeof rules;

export function checkIdentifier(kind: IdentifierKind, value: string, field: string = kind): string {
  const rule = rules[kind];
  if (value.length < rule.min) throw invalidInput(field, rule.min === 1 ? 'must not be empty' : `must be at least ${rule.min} characters`);
  if (value.length > rule.max) throw invalidInput(field, `must be at most ${rule.max} characters`);
  if (!rule.pattern.test(value)) throw invalidInput(field, `is not valid (${rule.hint})`);
  return value;
}

export interface AttributeInput {
  name: string;
  value: string;
}

/** Attribute lists as Cognito takes them, each name and value checked, no name twice. */
export function checkAttributes(attributes: readonly AttributeInput[], field: string): { Name: string; Value: string }[] {
  const seen = new Set<string>();
  return attributes.map(({ name, value }, index) => {
    checkIdentifier('attributeName', name, `${field}[${index}].name`);
    checkIdentifier('attributeValue', value, `${field}[${index}].value`);
    if (seen.has(name)) throw invalidInput(`${field}[${index}].name`, `${name} is given twice`);
    seen.add(name);
    return { Name: name, Value: value };
  });
}

export function checkRange(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw invalidInput(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

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

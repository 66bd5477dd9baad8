import { inputError } from '../errors';

/**
 * Shapes of Cognito's identifiers from the API reference. Checked before any call, so a typo gets
 * an answer that names the argument instead of a round trip and Cognito's generic error.
 */
const rules = {
  userPoolId: { pattern: /^[\w-]+_[0-9a-zA-Z]+$/, max: 55, example: 'eu-west-1_AbCdEf123' },
  username: { pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, max: 128, example: 'ada.lovelace' },
  groupName: { pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, max: 128, example: 'admins' },
  clientId: { pattern: /^[\w+]+$/, max: 128, example: '6s1kq0m5e3n0v3r7c4ld3m0' },
} as const;

export type IdentifierKind = keyof typeof rules;

export function checkIdentifier(kind: IdentifierKind, value: string, field: string = kind): string {
  const rule = rules[kind];
  if (value.length === 0) throw inputError(field, 'must not be empty');
  if (value.length > rule.max) throw inputError(field, `must be at most ${rule.max} characters`);
  if (!rule.pattern.test(value)) throw inputError(field, `is not a valid ${kind} (for example ${rule.example})`);
  return value;
}

/**
 * Where an account stands in its life cycle, as Cognito names it (UserStatusType). A status
 * Cognito adds after this release is read as UNKNOWN rather than failing the query; a unit test
 * keeps this list equal to the SDK's.
 */
export const userStatuses = [
  'ARCHIVED',
  'COMPROMISED',
  'CONFIRMED',
  'EXTERNAL_PROVIDER',
  'FORCE_CHANGE_PASSWORD',
  'RESET_REQUIRED',
  'UNCONFIRMED',
  'UNKNOWN',
] as const;

export type UserStatus = (typeof userStatuses)[number];

const known: ReadonlySet<string> = new Set(userStatuses);

export function toUserStatus(value: string | undefined): UserStatus | undefined {
  if (value === undefined) return undefined;
  return known.has(value) ? (value as UserStatus) : 'UNKNOWN';
}

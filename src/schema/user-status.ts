import { UserStatusType } from '@aws-sdk/client-cognito-identity-provider';
import { builder } from './builder';

const known = new Set<string>(Object.values(UserStatusType));

export const UserStatus = builder.enumType('UserStatus', {
  description: 'Where an account stands in its life cycle.',
  values: Object.values(UserStatusType),
});

/** A status Cognito adds after this release is reported as UNKNOWN rather than failing the query. */
export function toUserStatus(value: string | undefined): UserStatusType | null {
  if (value === undefined) return null;
  return known.has(value) ? (value as UserStatusType) : UserStatusType.UNKNOWN;
}

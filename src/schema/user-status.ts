import { userStatuses } from '../domain/user-status';
import { builder } from './builder';

export const UserStatus = builder.enumType('UserStatus', {
  description: 'Where an account stands in its life cycle. A status Cognito adds after this release reads as UNKNOWN.',
  values: userStatuses,
});

import { builder } from './builder';
import { UserStatus } from './user-status';

export const StringMatch = builder.inputType('StringMatch', {
  description: 'How to match a text attribute: exactly, or by its beginning. Set exactly one.',
  isOneOf: true,
  fields: (t) => ({
    equals: t.string(),
    startsWith: t.string(),
  }),
});

export const UserFilter = builder.inputType('UserFilter', {
  description:
    'A search of users by one standard attribute (Cognito searches one at a time and no custom attribute). Set exactly one field.',
  isOneOf: true,
  fields: (t) => ({
    username: t.field({ type: StringMatch, description: 'Case-sensitive.' }),
    email: t.field({ type: StringMatch }),
    phoneNumber: t.field({ type: StringMatch }),
    name: t.field({ type: StringMatch }),
    givenName: t.field({ type: StringMatch }),
    familyName: t.field({ type: StringMatch }),
    preferredUsername: t.field({ type: StringMatch }),
    sub: t.string({ description: 'Exact match on the immutable user id.' }),
    status: t.field({ type: UserStatus, description: 'Exact match on the account status.' }),
    enabled: t.boolean({ description: 'true for enabled users, false for disabled ones.' }),
  }),
});

/**
 * The OIDC standard attributes Cognito keeps for every pool, as typed User fields:
 * GraphQL field name → Cognito attribute name and value type.
 */
export const standardAttributes = {
  email: { attribute: 'email', type: 'string' },
  emailVerified: { attribute: 'email_verified', type: 'boolean' },
  phoneNumber: { attribute: 'phone_number', type: 'string' },
  phoneNumberVerified: { attribute: 'phone_number_verified', type: 'boolean' },
  name: { attribute: 'name', type: 'string' },
  givenName: { attribute: 'given_name', type: 'string' },
  familyName: { attribute: 'family_name', type: 'string' },
  middleName: { attribute: 'middle_name', type: 'string' },
  nickname: { attribute: 'nickname', type: 'string' },
  preferredUsername: { attribute: 'preferred_username', type: 'string' },
  profile: { attribute: 'profile', type: 'string' },
  picture: { attribute: 'picture', type: 'string' },
  website: { attribute: 'website', type: 'string' },
  gender: { attribute: 'gender', type: 'string' },
  birthdate: { attribute: 'birthdate', type: 'string' },
  zoneinfo: { attribute: 'zoneinfo', type: 'string' },
  locale: { attribute: 'locale', type: 'string' },
  address: { attribute: 'address', type: 'string' },
} as const;

export type StandardAttributeField = keyof typeof standardAttributes;

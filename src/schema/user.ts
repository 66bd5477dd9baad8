import type { ConnectionArgs } from '../domain/connection';
import { loadUserNodes } from '../resolvers/nodes';
import { GatewayError } from '../domain/gateway-error';
import type { UserKey } from '../domain/keys';
import type { AttributeRecord, MfaRecord, UserRecord } from '../domain/records';
import type { GatewayContext } from '../resolvers/context';
import { listUserDevices } from '../resolvers/devices';
import { userPoolReference } from '../resolvers/user-pools';
import { getUser, listGroupsOfUser, userMfa } from '../resolvers/users';
import { builder } from './builder';
import { joinKey } from './natural-keys';
import { startSelectedLists, type ListReader } from './prefetch';
import { GroupConnection, GroupRef, UserPoolRef, UserRef } from './refs';
import type { SelectionView } from './selection';
import { UserStatus } from './user-status';

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

export const UserAttribute = builder.objectRef<AttributeRecord>('UserAttribute').implement({
  description: 'One attribute of a user as Cognito stores it: custom ones are named `custom:…`.',
  fields: (t) => ({
    name: t.exposeString('name'),
    value: t.exposeString('value'),
  }),
});

const UserMfa = builder.objectRef<MfaRecord>('UserMfa').implement({
  description: "A user's multi-factor settings (these cost one AdminGetUser per user when read from a list).",
  fields: (t) => ({
    preferred: t.string({ nullable: true, description: 'SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP.', resolve: (m) => m.preferredSetting }),
    enabled: t.stringList({ resolve: (m) => m.enabledSettings }),
  }),
});

function attributeValue(user: UserRecord, name: string): string | undefined {
  return user.attributes.find((attribute) => attribute.name === name)?.value;
}

/** What a user is, whoever asks: an administrator (User) or the user itself (Viewer). */
export const UserProfile = builder.interfaceRef<UserRecord>('UserProfile').implement({
  description: "A user's identity and attributes.",
  fields: (t) => ({
    username: t.exposeString('username'),
    sub: t.string({
      description: "The user's immutable id, the `sub` claim of its tokens.",
      resolve: (user) => {
        const sub = attributeValue(user, 'sub');
        if (sub === undefined) throw new GatewayError('COGNITO_BAD_RESPONSE', `Cognito answered user ${user.username} without its sub.`);
        return sub;
      },
    }),
    attributes: t.field({
      type: [UserAttribute],
      description: 'Every attribute, standard and custom.',
      resolve: (user) => user.attributes,
    }),
    attribute: t.string({
      nullable: true,
      description: 'One attribute by its Cognito name, such as `custom:department`.',
      args: { name: t.arg.string({ required: true }) },
      resolve: (user, args) => attributeValue(user, args.name),
    }),
    ...Object.fromEntries(
      (Object.entries(standardAttributes) as [StandardAttributeField, (typeof standardAttributes)[StandardAttributeField]][]).map(
        ([field, { attribute, type }]) => [
          field,
          type === 'boolean'
            ? t.boolean({
                nullable: true,
                description: `Attribute \`${attribute}\`.`,
                resolve: (user) => booleanOrNull(attributeValue(user, attribute)),
              })
            : t.string({ nullable: true, description: `Attribute \`${attribute}\`.`, resolve: (user) => attributeValue(user, attribute) }),
        ],
      ),
    ),
    mfa: t.field({ type: UserMfa, nullable: true, resolve: (user, _, ctx) => userMfa(ctx, user) }),
  }),
});

/**
 * The lists of a user that a lookup of the user starts alongside its own read (prefetch.ts); the
 * fields below read through the same functions, so both are one read.
 */
const userLists = {
  groups: (user: UserKey, args: ConnectionArgs, ctx: GatewayContext, view: SelectionView) => listGroupsOfUser(ctx, user, args),
  devices: (user: UserKey, args: ConnectionArgs, ctx: GatewayContext) => listUserDevices(ctx, user, args),
} satisfies Record<string, ListReader<UserKey>>;

builder.node(UserRef, {
  loadMany: loadUserNodes,
  authScopes: { admin: true },
  description: 'A user of a pool, known by (userPoolId, username); `sub` is the id other services see in tokens.',
  id: { resolve: (user) => joinKey(user.userPoolId, user.username) },
  interfaces: [UserProfile],
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    status: t.field({ type: UserStatus, nullable: true, resolve: (user) => user.status }),
    enabled: t.boolean({ nullable: true, resolve: (user) => user.enabled }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (user) => user.createdAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (user) => user.updatedAt }),
    pool: t.field({ type: UserPoolRef, nullable: true, resolve: (user) => userPoolReference(user.userPoolId) }),
    groups: t.connection(
      {
        type: GroupRef,
        nullable: true,
        description:
          'Groups the user belongs to, in order of group name (Unicode code points) however they are read. Many users’ groups asked together may be read pool-wide in fewer calls. Null, with an error at this path, when they could not be read.',
        resolve: userLists.groups,
      },
      GroupConnection,
    ),
  }),
});

function booleanOrNull(value: string | undefined): boolean | null {
  return value === undefined ? null : value === 'true';
}

builder.objectFields(UserPoolRef, (t) => ({
  user: t.field({
    type: UserRef,
    nullable: true,
    description: 'A user of this pool by username (or an alias the pool accepts); null when there is none.',
    args: { username: t.arg.string({ required: true }) },
    resolve: (pool, args, ctx, info) => {
      const key = { userPoolId: pool.userPoolId, username: args.username };
      return getUser(ctx, key, () => startSelectedLists(info, key, ctx, userLists));
    },
  }),
}));

builder.queryFields((t) => ({
  user: t.field({
    authScopes: { admin: true },
    type: UserRef,
    nullable: true,
    description: 'A user by pool and username; null when there is none.',
    args: { userPoolId: t.arg.string({ required: true }), username: t.arg.string({ required: true }) },
    resolve: (_, args, ctx, info) => getUser(ctx, args, () => startSelectedLists(info, args, ctx, userLists)),
  }),
}));

import type { CognitoException } from '../domain/codes';
import type { TagRecord, UserPoolRecord } from '../domain/records';
import { tagResource, untagResource, userPoolTags } from '../resolvers/tags';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { UserPoolRef } from './refs';

/**
 * Tags (issue 17). Cognito tags user pools only; the tag operations take the pool's ARN, which the
 * gateway reads from the pool's description, so its fields and mutations take the pool as every
 * other one does. Keys and values are checked against AWS's limits before any call.
 * The types are `UserPoolTag` and `UserPoolTagInput`, not `Tag`: many subgraphs of a supergraph
 * have a `Tag` of their own, and the two would not compose.
 */

const admin = { authScopes: { admin: true } } as const;

const UserPoolTag = builder.objectRef<TagRecord>('UserPoolTag').implement({
  description: 'A tag of a user pool: a key and its value.',
  fields: (t) => ({ key: t.exposeString('key'), value: t.exposeString('value') }),
});

export const UserPoolTagInput = builder.inputType('UserPoolTagInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: '1 to 128 letters, digits, spaces and _ . : / = + - @; not starting with aws:.' }),
    value: t.string({ required: true, description: '0 to 256 of the same characters.' }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  tags: t.field({
    type: [UserPoolTag],
    nullable: true,
    description: 'The pool’s tags, in key order (ListTagsForResource with the pool’s ARN; at most 50).',
    resolve: (pool, _, ctx) => userPoolTags(ctx, pool),
  }),
}));

const tagErrors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
];

const payload = {
  outputFields: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, { userPool: UserPoolRecord }>) => ({
    userPool: t.field({
      type: UserPoolRef,
      nullable: true,
      description: 'The pool after the change: its `tags` are read afresh.',
      resolve: (p) => p.userPool,
    }),
  }),
};

builder.relayMutationField(
  'tagResource',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true, description: 'The pool to tag (the only resource Cognito tags); the gateway finds its ARN.' }),
      tags: t.field({
        type: [UserPoolTagInput],
        required: true,
        description: '1 to 50 tags, each key once. A key the pool has gets the new value.',
      }),
    }),
  },
  {
    ...admin,
    description: 'Adds tags to a user pool or changes their values (TagResource). A pool has at most 50 tags.',
    errors: { types: cognitoErrors(...tagErrors) },
    resolve: (_, { input }, ctx) => tagResource(ctx, input),
  },
  payload,
);

builder.relayMutationField(
  'untagResource',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true, description: 'The pool to untag; the gateway finds its ARN.' }),
      tagKeys: t.stringList({ required: true, description: '1 to 50 keys, each once.' }),
    }),
  },
  {
    ...admin,
    description: 'Removes tags from a user pool by key (UntagResource).',
    errors: { types: cognitoErrors(...tagErrors) },
    resolve: (_, { input }, ctx) => untagResource(ctx, input),
  },
  payload,
);

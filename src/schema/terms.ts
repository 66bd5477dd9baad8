import type { CognitoException } from '../domain/codes';
import type { TermsRecord } from '../domain/records';
import { userPoolReference } from '../resolvers/user-pools';
import {
  createTerms,
  deleteTerms,
  describeTerms,
  describeTermsByClient,
  listTerms,
  termsDetail,
  termsLanguages,
  updateTerms,
  type TermsLanguage,
} from '../resolvers/terms';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { ClientRef, UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

const TermsNameEnum = builder.enumType('TermsName', {
  description: 'The two kinds of terms documents managed login links to from its sign-up page.',
  values: {
    TERMS_OF_USE: { value: 'terms-of-use' as const, description: 'terms-of-use' },
    PRIVACY_POLICY: { value: 'privacy-policy' as const, description: 'privacy-policy' },
  },
});

/** cognito:portuguese-brazil → PORTUGUESE_BRAZIL */
const TermsLanguageEnum = builder.enumType('TermsLanguage', {
  description: 'A language of managed login a terms link is for; DEFAULT (cognito:default) is shown for every language without its own.',
  values: Object.fromEntries(
    termsLanguages.map((language) => [
      language
        .replace(/^cognito:/, '')
        .replace(/-/g, '_')
        .toUpperCase(),
      { value: language, description: language },
    ]),
  ) as Record<string, { value: TermsLanguage; description: string }>,
});

const TermsSourceEnum = builder.enumType('TermsSource', { values: ['LINK'] as const });
const TermsEnforcementEnum = builder.enumType('TermsEnforcement', { values: ['NONE'] as const });

const TermsLink = builder.objectRef<{ language: string; url: string }>('TermsLink').implement({
  fields: (t) => ({
    language: t.exposeString('language', { description: 'As Cognito names it: cognito:default, cognito:spanish, ...' }),
    url: t.exposeString('url'),
  }),
});

export const TermsRef = builder.objectRef<TermsRecord>('Terms').implement({
  description:
    'Terms documents (terms of use or privacy policy) an app client’s managed login links to, one URL per language. Known by (userPoolId, termsId).',
  fields: (t) => ({
    termsId: t.exposeString('termsId'),
    userPoolId: t.exposeString('userPoolId'),
    name: t.exposeString('name', { description: 'terms-of-use or privacy-policy.' }),
    enforcement: t.exposeString('enforcement', { description: 'NONE (the only value Cognito takes today).' }),
    source: t.string({
      description: 'LINK (the only value Cognito takes today).',
      resolve: async (terms, _, ctx) => (await termsDetail(ctx, terms)).source,
    }),
    links: t.field({
      type: [TermsLink],
      description: 'The document’s URL for each language, in Cognito’s order.',
      resolve: async (terms, _, ctx) => Object.entries((await termsDetail(ctx, terms)).links).map(([language, url]) => ({ language, url })),
    }),
    clientId: t.string({ resolve: async (terms, _, ctx) => (await termsDetail(ctx, terms)).clientId }),
    client: t.field({
      type: ClientRef,
      description: 'The app client whose sign-up page links to these documents.',
      resolve: async (terms, _, ctx) => ({ userPoolId: terms.userPoolId, clientId: (await termsDetail(ctx, terms)).clientId }),
    }),
    pool: t.field({ type: UserPoolRef, resolve: (terms) => userPoolReference(terms.userPoolId) }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (terms) => terms.createdAt }),
    lastModifiedAt: t.field({ type: 'DateTime', nullable: true, resolve: (terms) => terms.lastModifiedAt }),
  }),
});

export const TermsConnection = builder.connectionObject({ type: TermsRef, name: 'TermsConnection' });

builder.objectFields(UserPoolRef, (t) => ({
  terms: t.connection(
    {
      ...admin,
      type: TermsRef,
      nullable: true,
      description: 'The pool’s terms documents, of all its app clients (ListTerms). Client, source and links cost a DescribeTerms each.',
      resolve: (pool, args, ctx) => listTerms(ctx, pool.userPoolId, args),
    },
    TermsConnection,
  ),
  termsById: t.field({
    ...admin,
    type: TermsRef,
    nullable: true,
    args: { termsId: t.arg.string({ required: true }) },
    description: 'Terms documents by id (DescribeTerms); null when there are none.',
    resolve: (pool, args, ctx) => describeTerms(ctx, { userPoolId: pool.userPoolId, termsId: args.termsId }),
  }),
}));

builder.objectFields(ClientRef, (t) => ({
  terms: t.field({
    ...admin,
    type: TermsRef,
    nullable: true,
    args: { name: t.arg({ type: TermsNameEnum, required: true }) },
    description: 'The app client’s terms documents of one kind (DescribeTermsByClient); null when it has none.',
    resolve: (client, args, ctx) =>
      describeTermsByClient(ctx, { userPoolId: client.userPoolId, clientId: client.clientId, name: args.name }),
  }),
}));

const TermsLinkInput = builder.inputType('TermsLinkInput', {
  fields: (t) => ({
    language: t.field({ type: TermsLanguageEnum, required: true }),
    url: t.string({ required: true, description: '1 to 1024 characters, no spaces.' }),
  }),
});

const common: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
];

const termsPayload = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, { terms: TermsRecord }>) => ({
  terms: t.field({ type: TermsRef, resolve: (p) => p.terms }),
});

builder.relayMutationField(
  'createTerms',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientId: t.string({ required: true }),
      name: t.field({ type: TermsNameEnum, required: true, description: 'One kind a request; create the other with a second one.' }),
      links: t.field({ type: [TermsLinkInput], required: true, description: 'At most 12, one per language.' }),
      source: t.field({ type: TermsSourceEnum, required: false, description: 'LINK when left out.' }),
      enforcement: t.field({ type: TermsEnforcementEnum, required: false, description: 'NONE when left out.' }),
    }),
  },
  {
    ...admin,
    description:
      'Creates an app client’s terms documents (CreateTerms). Managed login shows them on sign-up once the client has both kinds in one language at least.',
    errors: { types: cognitoErrors(...common, 'ConcurrentModificationException', 'LimitExceededException', 'TermsExistsException') },
    resolve: (_, { input }, ctx) => createTerms(ctx, input),
  },
  { outputFields: termsPayload },
);

builder.relayMutationField(
  'updateTerms',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      termsId: t.string({ required: true }),
      name: t.field({ type: TermsNameEnum, required: false }),
      links: t.field({ type: [TermsLinkInput], required: false, description: 'Links to add or replace; other languages keep theirs.' }),
      removeLanguages: t.field({ type: [TermsLanguageEnum], required: false, description: 'Languages whose links go.' }),
      source: t.field({ type: TermsSourceEnum, required: false }),
      enforcement: t.field({ type: TermsEnforcementEnum, required: false }),
    }),
  },
  {
    ...admin,
    description: 'Changes terms documents (UpdateTerms); what the input leaves out is kept (the gateway reads the terms first).',
    errors: { types: cognitoErrors(...common, 'ConcurrentModificationException', 'TermsExistsException') },
    resolve: (_, { input }, ctx) => updateTerms(ctx, input),
  },
  { outputFields: termsPayload },
);

builder.relayMutationField(
  'deleteTerms',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }), termsId: t.string({ required: true }) }) },
  {
    ...admin,
    description: 'Deletes terms documents (DeleteTerms).',
    errors: { types: cognitoErrors(...common, 'ConcurrentModificationException') },
    resolve: (_, { input }, ctx) => deleteTerms(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedTermsId: t.exposeString('deletedTermsId'),
      pool: t.field({ type: UserPoolRef, resolve: (p) => userPoolReference(p.userPoolId) }),
    }),
  },
);

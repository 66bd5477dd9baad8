import type { CognitoException } from '../domain/codes';
import type { ClientRecord, ClientSecretRecord } from '../domain/records';
import { addUserPoolClientSecret, deleteUserPoolClientSecret, listClientSecrets } from '../resolvers/client-secrets';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { ClientRef } from './refs';

/**
 * Client secrets (issue 17): a confidential app client's secrets, listed as metadata, added and
 * deleted for rotation without downtime. A secret's value is in addUserPoolClientSecret's payload
 * only when its creator asks (`returnSecret`); the call path strips it from every other answer
 * and nothing logs, caches or lists it.
 */

const admin = { authScopes: { admin: true } } as const;

const ClientSecret = builder.objectRef<ClientSecretRecord>('ClientSecret').implement({
  description: 'One of an app client’s secrets (at most two, for rotation): its id and age, never its value.',
  fields: (t) => ({
    clientSecretId: t.exposeString('clientSecretId', {
      description: 'The secret’s id, `<clientId>--<epoch seconds of its creation>`, as deleteUserPoolClientSecret takes it.',
    }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (secret) => secret.createdAt }),
    client: t.field({
      type: ClientRef,
      description: 'The app client the secret belongs to.',
      resolve: (secret): ClientRecord => ({ userPoolId: secret.userPoolId, clientId: secret.clientId }),
    }),
  }),
});

const ClientSecretConnection = builder.connectionObject({ type: ClientSecret, name: 'ClientSecretConnection' });

builder.objectFields(ClientRef, (t) => ({
  secrets: t.connection(
    {
      type: ClientSecret,
      nullable: true,
      description:
        'The client’s secrets (ListUserPoolClientSecrets): ids and creation times only, the values are never returned. Cognito accepts any of them, so a secret is rotated by adding a second one, moving to it, and deleting the first.',
      resolve: (client, args, ctx) => listClientSecrets(ctx, client, args),
    },
    ClientSecretConnection,
  ),
}));

const secretErrors: CognitoException[] = ['InvalidParameterException', 'LimitExceededException', 'ResourceNotFoundException'];

builder.relayMutationField(
  'addUserPoolClientSecret',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientId: t.string({ required: true }),
      clientSecret: t.string({
        required: false,
        description: 'A secret of your own (24 to 64 letters, digits, _ or +). Without it Cognito generates one.',
      }),
      returnSecret: t.boolean({
        required: false,
        description: 'Put the secret Cognito generates in this payload. It is shown this once and never again.',
      }),
    }),
  },
  {
    ...admin,
    description:
      'Adds a secret to a confidential app client (AddUserPoolClientSecret), which then accepts either of its secrets: the first step of a rotation. A client has at most two (LIMIT_EXCEEDED beyond).',
    errors: { types: cognitoErrors(...secretErrors) },
    resolve: (_, { input }, ctx) => addUserPoolClientSecret(ctx, input),
  },
  {
    outputFields: (t) => ({
      secret: t.field({ type: ClientSecret, description: 'The new secret’s id and creation time.', resolve: (p) => p.secret }),
      clientSecret: t.string({
        nullable: true,
        description: 'The generated secret, only with returnSecret: store it now, it is never returned again.',
        resolve: (p) => p.clientSecret,
      }),
      client: t.field({ type: ClientRef, nullable: true, resolve: (p) => p.client }),
    }),
  },
);

builder.relayMutationField(
  'deleteUserPoolClientSecret',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientId: t.string({ required: true }),
      clientSecretId: t.string({ required: true, description: 'As listed in the client’s `secrets`.' }),
    }),
  },
  {
    ...admin,
    description:
      'Deletes one of an app client’s secrets (DeleteUserPoolClientSecret): the last step of a rotation, once nothing signs with it any more.',
    errors: { types: cognitoErrors(...secretErrors) },
    resolve: (_, { input }, ctx) => deleteUserPoolClientSecret(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedClientSecretId: t.exposeString('deletedClientSecretId'),
      client: t.field({ type: ClientRef, nullable: true, resolve: (p) => p.client }),
    }),
  },
);

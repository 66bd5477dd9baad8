import {
  resolveClientReference,
  resolveGroupReference,
  resolveIdentityProviderReference,
  resolveResourceServerReference,
  resolveUserPoolReference,
  resolveUserReference,
} from '../resolvers/entities';
import { builder } from './builder';
import { ClientRef, GroupRef, IdentityProviderRef, ResourceServerRef, UserPoolRef, UserRef } from './refs';

/**
 * The entities other subgraphs can reference and extend, by the keys they know: a User by `sub`
 * (from tokens) or by (userPoolId, username); pools, groups and clients by their natural keys.
 */
builder.asEntity(UserRef, {
  key: [builder.selection<{ sub: string }>('sub'), builder.selection<{ userPoolId: string; username: string }>('userPoolId username')],
  resolveReference: (ref, ctx) => resolveUserReference(ctx, ref),
});

builder.asEntity(UserPoolRef, {
  key: builder.selection<{ userPoolId: string }>('userPoolId'),
  resolveReference: (ref, ctx) => resolveUserPoolReference(ctx, ref),
});

builder.asEntity(GroupRef, {
  key: builder.selection<{ userPoolId: string; name: string }>('userPoolId name'),
  resolveReference: (ref, ctx) => resolveGroupReference(ctx, ref),
});

builder.asEntity(ClientRef, {
  key: builder.selection<{ userPoolId: string; clientId: string }>('userPoolId clientId'),
  resolveReference: (ref, ctx) => resolveClientReference(ctx, ref),
});

// Identity providers and resource servers (issue 17): other services know them by these keys.
builder.asEntity(IdentityProviderRef, {
  key: builder.selection<{ userPoolId: string; providerName: string }>('userPoolId providerName'),
  resolveReference: (ref, ctx) => resolveIdentityProviderReference(ctx, ref),
});

builder.asEntity(ResourceServerRef, {
  key: builder.selection<{ userPoolId: string; identifier: string }>('userPoolId identifier'),
  resolveReference: (ref, ctx) => resolveResourceServerReference(ctx, ref),
});

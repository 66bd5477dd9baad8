import { getSigningCertificate } from '../resolvers/signing-certificate';
import { builder } from './builder';
import { UserPoolRef } from './refs';

builder.objectFields(UserPoolRef, (t) => ({
  signingCertificate: t.string({
    authScopes: { admin: true },
    nullable: true,
    description:
      'The X.509 certificate (base64) the pool signs SAML requests with (GetSigningCertificate): what a SAML identity provider is given to check them.',
    resolve: (pool, _, ctx) => getSigningCertificate(ctx, pool),
  }),
}));

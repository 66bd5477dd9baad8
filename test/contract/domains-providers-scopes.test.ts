import {
  CreateIdentityProviderCommand,
  CreateResourceServerCommand,
  CreateUserPoolDomainCommand,
  DeleteIdentityProviderCommand,
  DeleteResourceServerCommand,
  DeleteUserPoolDomainCommand,
  DescribeIdentityProviderCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetIdentityProviderByIdentifierCommand,
  ListIdentityProvidersCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
  UpdateIdentityProviderCommand,
  UpdateResourceServerCommand,
  UpdateUserPoolDomainCommand,
  type CreateIdentityProviderResponse,
  type CreateUserPoolDomainResponse,
  type DescribeIdentityProviderResponse,
  type DescribeResourceServerResponse,
  type DescribeUserPoolDomainResponse,
  type DescribeUserPoolResponse,
  type IdentityProviderType,
  type ProviderDescription,
  type ResourceServerType,
  type UpdateIdentityProviderResponse,
  type UpdateResourceServerResponse,
  type UpdateUserPoolDomainResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/cognito/redaction';
import { capturingLogger } from '../support/capturing-logger';
import { asService } from '../support/gateway';
import { pagedList, range, scriptedGateway, cognitoException } from '../support/scripted-cognito';

/**
 * A pool's domains, identity providers and resource servers over a scripted SDK: cognito-local
 * 5.3.0 implements none of these operations. Every scripted answer is typed with the SDK's own
 * response types; each test asserts the exact input the gateway sent.
 */

const POOL = 'eu-west-1_Fed1';
const OTHER_POOL = 'eu-west-1_Other1';
const CLIENT_SECRET = 'oidc-client-secret-7f3a9c-NEVER-RETURNED';
const APPLE_KEY = '-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49-APPLE-KEY-NEVER-RETURNED\n-----END PRIVATE KEY-----';
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000001';

type Scripted = ReturnType<typeof scriptedGateway>;

/** A new copy per call: the call path takes secrets out of the very answer it is given. */
const fresh =
  <Answer>(answer: Answer) =>
  () =>
    structuredClone(answer);

const inputsOf = (scripted: Scripted, command: Parameters<Scripted['cognito']['commandCalls']>[0]) =>
  scripted.cognito.commandCalls(command).map((call) => call.args[0].input);

const describedPool: DescribeUserPoolResponse = {
  UserPool: { Id: POOL, Name: 'federated', Domain: 'my-app', CustomDomain: 'auth.example.com' },
};

/** The answer of a mutation: its typed result. */
const result = (payload: string, fields: string) => `__typename
  ... on ${payload} { ${fields} }
  ... on CognitoError { code message }
  ... on InvalidInputError { field reason }`;

// ---------------------------------------------------------------------------------------------
// Domains
// ---------------------------------------------------------------------------------------------

const prefixDomain: DescribeUserPoolDomainResponse = {
  DomainDescription: {
    UserPoolId: POOL,
    AWSAccountId: '123456789012',
    Domain: 'my-app',
    S3Bucket: 'aws-cognito-prod-dub-assets',
    CloudFrontDistribution: 'd111111abcdef8.cloudfront.net',
    Version: '20240101000000',
    Status: 'ACTIVE',
    ManagedLoginVersion: 2,
  },
};
const customDomain: DescribeUserPoolDomainResponse = {
  DomainDescription: {
    UserPoolId: POOL,
    Domain: 'auth.example.com',
    CloudFrontDistribution: 'd222222abcdef8.cloudfront.net',
    Status: 'ACTIVE',
    ManagedLoginVersion: 1,
    CustomDomainConfig: { CertificateArn: CERTIFICATE, SecurityPolicy: 'TLS_V1_2_2021' },
  },
};

describe('UserPool.domain and customDomain: DescribeUserPool names them, DescribeUserPoolDomain tells the rest', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(DescribeUserPoolCommand).resolves(describedPool);
    scripted.cognito.on(DescribeUserPoolDomainCommand, { Domain: 'my-app' }).resolves(prefixDomain);
    scripted.cognito.on(DescribeUserPoolDomainCommand, { Domain: 'auth.example.com' }).resolves(customDomain);
  });

  it('maps every member of both domains, each described once', async () => {
    const answer = await scripted.query(`{ userPool(userPoolId: "${POOL}") {
      domain { domain custom status managedLoginVersion cloudFrontDistribution certificateArn s3Bucket version awsAccountId pool { userPoolId } }
      customDomain { domain custom status managedLoginVersion certificateArn securityPolicy }
    } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['userPool']).toEqual({
      domain: {
        domain: 'my-app',
        custom: false,
        status: 'ACTIVE',
        managedLoginVersion: 2,
        cloudFrontDistribution: 'd111111abcdef8.cloudfront.net',
        certificateArn: null,
        s3Bucket: 'aws-cognito-prod-dub-assets',
        version: '20240101000000',
        awsAccountId: '123456789012',
        pool: { userPoolId: POOL },
      },
      customDomain: {
        domain: 'auth.example.com',
        custom: true,
        status: 'ACTIVE',
        managedLoginVersion: 1,
        certificateArn: CERTIFICATE,
        securityPolicy: 'TLS_V1_2_2021',
      },
    });
    expect(inputsOf(scripted, DescribeUserPoolDomainCommand)).toEqual([{ Domain: 'my-app' }, { Domain: 'auth.example.com' }]);
  });

  it('the name alone costs no DescribeUserPoolDomain; a pool without a domain answers null', async () => {
    const answer = await scripted.query(`{ userPool(userPoolId: "${POOL}") { domain { domain } } }`);
    expect(answer.data!['userPool']).toEqual({ domain: { domain: 'my-app' } });
    expect(inputsOf(scripted, DescribeUserPoolDomainCommand)).toEqual([]);

    scripted.cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Name: 'bare' } });
    const bare = await scripted.query(`{ userPool(userPoolId: "${POOL}") { domain { domain } customDomain { domain } } }`);
    expect(bare.data!['userPool']).toEqual({ domain: null, customDomain: null });
  });

  it('Query.userPoolDomain finds a domain’s pool; Cognito’s empty description of an unknown domain is null', async () => {
    scripted.cognito.on(DescribeUserPoolDomainCommand, { Domain: 'nobody' }).resolves({ DomainDescription: {} });
    const answer = await scripted.query(`{ known: userPoolDomain(domain: "my-app") { pool { userPoolId } status }
      unknown: userPoolDomain(domain: "nobody") { domain } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ known: { pool: { userPoolId: POOL }, status: 'ACTIVE' }, unknown: null });
  });

  it('refuses a domain that is not a host name before any call', async () => {
    const answer = await scripted.query(`{ userPoolDomain(domain: "My_App") { domain } }`);
    expect(answer.errors?.map((error) => [error.extensions?.['code'], error.extensions?.['field']])).toEqual([
      ['BAD_USER_INPUT', 'domain'],
    ]);
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

const CREATE_DOMAIN = `mutation ($input: CreateUserPoolDomainInput!) { createUserPoolDomain(input: $input) {
  ${result('CreateUserPoolDomainPayload', 'domain { domain custom } cloudFrontDomain managedLoginVersion')} } }`;
const UPDATE_DOMAIN = `mutation ($input: UpdateUserPoolDomainInput!) { updateUserPoolDomain(input: $input) {
  ${result('UpdateUserPoolDomainPayload', 'domain { domain custom } cloudFrontDomain managedLoginVersion')} } }`;
const DELETE_DOMAIN = `mutation ($input: DeleteUserPoolDomainInput!) { deleteUserPoolDomain(input: $input) {
  ${result('DeleteUserPoolDomainPayload', 'userPoolId deletedDomain')} } }`;

describe('createUserPoolDomain, updateUserPoolDomain, deleteUserPoolDomain', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    const created: CreateUserPoolDomainResponse = { CloudFrontDomain: 'd222222abcdef8.cloudfront.net', ManagedLoginVersion: 2 };
    scripted.cognito.on(CreateUserPoolDomainCommand).resolves(created);
    const updated: UpdateUserPoolDomainResponse = { CloudFrontDomain: 'd222222abcdef8.cloudfront.net', ManagedLoginVersion: 1 };
    scripted.cognito.on(UpdateUserPoolDomainCommand).resolves(updated);
    scripted.cognito.on(DeleteUserPoolDomainCommand).resolves({});
    scripted.cognito.on(DescribeUserPoolDomainCommand, { Domain: 'auth.example.com' }).resolves(customDomain);
  });

  it('creates a custom domain with its certificate and answers the CloudFront host to point DNS at', async () => {
    const answer = await scripted.query(CREATE_DOMAIN, {
      input: {
        userPoolId: POOL,
        domain: 'auth.example.com',
        managedLoginVersion: 2,
        customDomain: { certificateArn: CERTIFICATE, securityPolicy: 'TLS_V1_3_2025' },
      },
    });
    expect(answer.data!['createUserPoolDomain']).toEqual({
      __typename: 'CreateUserPoolDomainPayload',
      domain: { domain: 'auth.example.com', custom: true },
      cloudFrontDomain: 'd222222abcdef8.cloudfront.net',
      managedLoginVersion: 2,
    });
    expect(inputsOf(scripted, CreateUserPoolDomainCommand)).toEqual([
      {
        UserPoolId: POOL,
        Domain: 'auth.example.com',
        ManagedLoginVersion: 2,
        CustomDomainConfig: { CertificateArn: CERTIFICATE, SecurityPolicy: 'TLS_V1_3_2025' },
      },
    ]);
  });

  it('creates a prefix domain with nothing but its name', async () => {
    await scripted.query(CREATE_DOMAIN, { input: { userPoolId: POOL, domain: 'my-app' } });
    expect(inputsOf(scripted, CreateUserPoolDomainCommand)).toEqual([{ UserPoolId: POOL, Domain: 'my-app' }]);
  });

  it.each([
    [{ domain: 'auth.example.com' }, 'input.customDomain'],
    [{ domain: 'my-app', customDomain: { certificateArn: CERTIFICATE } }, 'input.customDomain'],
    [{ domain: 'auth.example.com', customDomain: { certificateArn: 'not-an-arn-at-all-0000' } }, 'input.customDomain.certificateArn'],
    [{ domain: 'my-app', managedLoginVersion: 3 }, 'input.managedLoginVersion'],
    [{ domain: '-my-app' }, 'input.domain'],
  ])('refuses %j naming %s, before any call', async (part, field) => {
    const answer = await scripted.query(CREATE_DOMAIN, { input: { userPoolId: POOL, ...part } });
    expect(answer.data!['createUserPoolDomain']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('an update keeps what it does not name: the certificate carried over when only the version changes', async () => {
    const answer = await scripted.query(UPDATE_DOMAIN, { input: { userPoolId: POOL, domain: 'auth.example.com', managedLoginVersion: 1 } });
    expect(answer.data!['updateUserPoolDomain']).toMatchObject({ __typename: 'UpdateUserPoolDomainPayload', managedLoginVersion: 1 });
    expect(inputsOf(scripted, UpdateUserPoolDomainCommand)).toEqual([
      {
        UserPoolId: POOL,
        Domain: 'auth.example.com',
        ManagedLoginVersion: 1,
        CustomDomainConfig: { CertificateArn: CERTIFICATE, SecurityPolicy: 'TLS_V1_2_2021' },
      },
    ]);
  });

  it('an update of a new certificate keeps the managed login version', async () => {
    const renewed = CERTIFICATE.replace('000000000001', '000000000002');
    await scripted.query(UPDATE_DOMAIN, {
      input: { userPoolId: POOL, domain: 'auth.example.com', customDomain: { certificateArn: renewed } },
    });
    expect(inputsOf(scripted, UpdateUserPoolDomainCommand)).toEqual([
      { UserPoolId: POOL, Domain: 'auth.example.com', ManagedLoginVersion: 1, CustomDomainConfig: { CertificateArn: renewed } },
    ]);
  });

  it('an update of another pool’s domain is ResourceNotFoundError, and nothing is sent', async () => {
    const answer = await scripted.query(UPDATE_DOMAIN, {
      input: { userPoolId: OTHER_POOL, domain: 'auth.example.com', managedLoginVersion: 2 },
    });
    expect(answer.data!['updateUserPoolDomain']).toMatchObject({ __typename: 'ResourceNotFoundError', code: 'NOT_FOUND' });
    expect(inputsOf(scripted, UpdateUserPoolDomainCommand)).toEqual([]);
  });

  it('deletes a domain', async () => {
    const answer = await scripted.query(DELETE_DOMAIN, { input: { userPoolId: POOL, domain: 'my-app' } });
    expect(answer.data!['deleteUserPoolDomain']).toEqual({
      __typename: 'DeleteUserPoolDomainPayload',
      userPoolId: POOL,
      deletedDomain: 'my-app',
    });
    expect(inputsOf(scripted, DeleteUserPoolDomainCommand)).toEqual([{ UserPoolId: POOL, Domain: 'my-app' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Identity providers
// ---------------------------------------------------------------------------------------------

const providerName = (i: number) => `Provider${String(i).padStart(3, '0')}`;
const created = new Date(Date.UTC(2024, 2, 1));
const modified = new Date(Date.UTC(2024, 3, 1));

function listedProvider(i: number): ProviderDescription {
  return { ProviderName: providerName(i), ProviderType: i % 2 ? 'SAML' : 'OIDC', CreationDate: created, LastModifiedDate: modified };
}

const oidcProvider: IdentityProviderType = {
  UserPoolId: POOL,
  ProviderName: 'Okta',
  ProviderType: 'OIDC',
  ProviderDetails: {
    client_id: 'okta-client-1',
    client_secret: CLIENT_SECRET,
    authorize_scopes: 'openid profile',
    attributes_request_method: 'GET',
    oidc_issuer: 'https://example.okta.com',
    attributes_url_add_attributes: 'false',
  },
  AttributeMapping: { email: 'email', username: 'sub' },
  IdpIdentifiers: ['example.com'],
  CreationDate: created,
  LastModifiedDate: modified,
};

const appleProvider: IdentityProviderType = {
  UserPoolId: POOL,
  ProviderName: 'SignInWithApple',
  ProviderType: 'SignInWithApple',
  ProviderDetails: {
    client_id: 'com.example.app',
    team_id: 'TEAM123456',
    key_id: 'KEY1234567',
    private_key: APPLE_KEY,
    authorize_scopes: 'email name',
  },
};

const PROVIDER_FIELDS = `id userPoolId providerName providerType builtIn createdAt updatedAt
  providerDetails { key value } secretProviderDetails attributeMapping { userPoolAttribute providerAttribute } idpIdentifiers pool { userPoolId }`;

describe('UserPool.identityProviders: ListIdentityProviders through the one pagination helper', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(DescribeUserPoolCommand).resolves(describedPool);
    scripted.cognito.on(ListIdentityProvidersCommand).callsFake(
      pagedList({
        pages: [{ items: range(0, 60).map(listedProvider), next: 'P1' }, { items: range(60, 64).map(listedProvider) }],
        tokenField: 'NextToken',
        sizeField: 'MaxResults',
        itemsField: 'Providers',
      }),
    );
  });

  const query = `query ($first: Int, $after: String) { userPool(userPoolId: "${POOL}") {
    identityProviders(first: $first, after: $after) { edges { node { providerName providerType createdAt updatedAt } } pageInfo { hasNextPage endCursor } } } }`;
  const page = (token?: string) => ({ UserPoolId: POOL, MaxResults: 60, ...(token ? { NextToken: token } : {}) });

  it('reads across pages with MaxResults 60 and NextToken; the summary costs no Describe', async () => {
    const answer = await scripted.query(query, { first: 64 });
    expect(answer.errors).toBeUndefined();
    const { edges, pageInfo } = answer.data!['userPool'].identityProviders;
    expect(edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      range(0, 64).map((i) => ({
        providerName: providerName(i),
        providerType: i % 2 ? 'SAML' : 'OIDC',
        createdAt: created.toISOString(),
        updatedAt: modified.toISOString(),
      })),
    );
    expect(pageInfo.hasNextPage).toBe(false);
    expect(inputsOf(scripted, ListIdentityProvidersCommand)).toEqual([page(), page('P1')]);
    expect(inputsOf(scripted, DescribeIdentityProviderCommand)).toEqual([]);
  });

  it('resumes from a cursor inside the first page onto the second', async () => {
    const first = await scripted.query(query, { first: 59 });
    const second = await scripted.query(query, { first: 10, after: first.data!['userPool'].identityProviders.pageInfo.endCursor });
    expect(
      second.data!['userPool'].identityProviders.edges.map((edge: { node: { providerName: string } }) => edge.node.providerName),
    ).toEqual(range(59, 64).map(providerName));
    expect(inputsOf(scripted, ListIdentityProvidersCommand)).toEqual([page(), page(), page('P1')]);
  });

  it('a connection above the gateway’s cap is refused before any list call', async () => {
    const answer = await scripted.query(query, { first: 1001 });
    expect(answer.errors?.map((error) => error.extensions?.['code'])).toEqual(['CONNECTION_TOO_LARGE']);
    expect(inputsOf(scripted, ListIdentityProvidersCommand)).toEqual([]);
  });
});

describe('an identity provider’s secrets never leave the gateway', () => {
  let scripted: Scripted;
  let log: ReturnType<typeof capturingLogger>;
  beforeEach(() => {
    log = capturingLogger();
    scripted = scriptedGateway({ logger: log });
    scripted.cognito.on(DescribeUserPoolCommand).resolves(describedPool);
    scripted.cognito
      .on(DescribeIdentityProviderCommand, { UserPoolId: POOL, ProviderName: 'Okta' })
      .callsFake(fresh({ IdentityProvider: oidcProvider }));
    scripted.cognito
      .on(DescribeIdentityProviderCommand, { UserPoolId: POOL, ProviderName: 'SignInWithApple' })
      .callsFake(fresh({ IdentityProvider: appleProvider }));
  });

  /** Sends as the service, with the raw text of the answer (the debug gateway adds its call log). */
  const send = async (query: string) => {
    const response = await scripted.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...asService },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    return { body: JSON.parse(text) as { data?: Record<string, any>; errors?: unknown[] }, text };
  };

  it('an OIDC provider: every setting but client_secret, which is named as set', async () => {
    const { body, text } = await send(
      `{ userPool(userPoolId: "${POOL}") { identityProvider(providerName: "Okta") { ${PROVIDER_FIELDS} } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!['userPool'].identityProvider).toEqual({
      id: Buffer.from(`IdentityProvider:${POOL}:Okta`).toString('base64'),
      userPoolId: POOL,
      providerName: 'Okta',
      providerType: 'OIDC',
      builtIn: false,
      createdAt: created.toISOString(),
      updatedAt: modified.toISOString(),
      providerDetails: [
        { key: 'client_id', value: 'okta-client-1' },
        { key: 'authorize_scopes', value: 'openid profile' },
        { key: 'attributes_request_method', value: 'GET' },
        { key: 'oidc_issuer', value: 'https://example.okta.com' },
        { key: 'attributes_url_add_attributes', value: 'false' },
      ],
      secretProviderDetails: ['client_secret'],
      attributeMapping: [
        { userPoolAttribute: 'email', providerAttribute: 'email' },
        { userPoolAttribute: 'username', providerAttribute: 'sub' },
      ],
      idpIdentifiers: ['example.com'],
      pool: { userPoolId: POOL },
    });
    expect(inputsOf(scripted, DescribeIdentityProviderCommand)).toEqual([{ UserPoolId: POOL, ProviderName: 'Okta' }]);
    expect(text).not.toContain(CLIENT_SECRET);
    expect(log.text()).not.toContain(CLIENT_SECRET);
  });

  it('Sign in with Apple: private_key is never returned', async () => {
    const { body, text } = await send(
      `{ userPool(userPoolId: "${POOL}") { identityProvider(providerName: "SignInWithApple") { providerDetails { key } secretProviderDetails } } }`,
    );
    expect(body.data!['userPool'].identityProvider).toEqual({
      providerDetails: [{ key: 'client_id' }, { key: 'team_id' }, { key: 'key_id' }, { key: 'authorize_scopes' }],
      secretProviderDetails: ['private_key'],
    });
    expect(text).not.toContain('APPLE-KEY-NEVER-RETURNED');
    expect(log.text()).not.toContain('APPLE-KEY-NEVER-RETURNED');
  });

  it('the built-in COGNITO provider is answered without a call; an unknown provider is null', async () => {
    scripted.cognito
      .on(DescribeIdentityProviderCommand, { UserPoolId: POOL, ProviderName: 'Nobody' })
      .rejects(cognitoException('ResourceNotFoundException'));
    const { body } = await send(`{ userPool(userPoolId: "${POOL}") {
      cognito: identityProvider(providerName: "COGNITO") { providerName providerType builtIn providerDetails { key } }
      nobody: identityProvider(providerName: "Nobody") { providerName } } }`);
    expect(body.data!['userPool']).toEqual({
      cognito: { providerName: 'COGNITO', providerType: 'COGNITO', builtIn: true, providerDetails: [] },
      nobody: null,
    });
    expect(inputsOf(scripted, DescribeIdentityProviderCommand)).toEqual([{ UserPoolId: POOL, ProviderName: 'Nobody' }]);
  });

  it('identityProviderByIdentifier: GetIdentityProviderByIdentifier, the secret stripped there too', async () => {
    scripted.cognito.on(GetIdentityProviderByIdentifierCommand).callsFake(fresh({ IdentityProvider: oidcProvider }));
    const { body, text } = await send(
      `{ userPool(userPoolId: "${POOL}") { identityProviderByIdentifier(identifier: "example.com") { providerName secretProviderDetails } } }`,
    );
    expect(body.data!['userPool'].identityProviderByIdentifier).toEqual({ providerName: 'Okta', secretProviderDetails: ['client_secret'] });
    expect(inputsOf(scripted, GetIdentityProviderByIdentifierCommand)).toEqual([{ UserPoolId: POOL, IdpIdentifier: 'example.com' }]);
    expect(text).not.toContain(CLIENT_SECRET);
  });
});

describe('the call path strips provider secrets before any resolver sees them', () => {
  it.each(['CreateIdentityProvider', 'DescribeIdentityProvider', 'UpdateIdentityProvider', 'GetIdentityProviderByIdentifier'])(
    '%s: client_secret and private_key out, their names kept',
    (operation) => {
      const answer = structuredClone({
        IdentityProvider: { ...oidcProvider, ProviderDetails: { ...oidcProvider.ProviderDetails, private_key: APPLE_KEY } },
      });
      redactSecrets(operation, answer);
      expect(answer.IdentityProvider.ProviderDetails).not.toHaveProperty('client_secret');
      expect(answer.IdentityProvider.ProviderDetails).not.toHaveProperty('private_key');
      expect(answer.IdentityProvider.ProviderDetails).toHaveProperty('client_id', 'okta-client-1');
      expect(answer.IdentityProvider).toHaveProperty('RedactedProviderDetails', ['client_secret', 'private_key']);
    },
  );
});

const CREATE_PROVIDER = `mutation ($input: CreateIdentityProviderInput!) { createIdentityProvider(input: $input) {
  ${result('CreateIdentityProviderPayload', 'identityProvider { providerName providerType providerDetails { key value } secretProviderDetails }')} } }`;
const UPDATE_PROVIDER = `mutation ($input: UpdateIdentityProviderInput!) { updateIdentityProvider(input: $input) {
  ${result('UpdateIdentityProviderPayload', 'identityProvider { providerName providerDetails { key value } secretProviderDetails }')} } }`;
const DELETE_PROVIDER = `mutation ($input: DeleteIdentityProviderInput!) { deleteIdentityProvider(input: $input) {
  ${result('DeleteIdentityProviderPayload', 'deletedProviderName deletedId')} } }`;

const oidcInput = {
  userPoolId: POOL,
  providerName: 'Okta',
  providerType: 'OIDC',
  providerDetails: [
    { key: 'client_id', value: 'okta-client-1' },
    { key: 'client_secret', value: CLIENT_SECRET },
    { key: 'authorize_scopes', value: 'openid profile' },
    { key: 'attributes_request_method', value: 'GET' },
    { key: 'oidc_issuer', value: 'https://example.okta.com' },
  ],
  attributeMapping: [
    { userPoolAttribute: 'email', providerAttribute: 'email' },
    { userPoolAttribute: 'username', providerAttribute: 'sub' },
  ],
  idpIdentifiers: ['example.com'],
};

describe('createIdentityProvider, updateIdentityProvider, deleteIdentityProvider', () => {
  let scripted: Scripted;
  let log: ReturnType<typeof capturingLogger>;
  beforeEach(() => {
    log = capturingLogger();
    scripted = scriptedGateway({ logger: log });
    const createdAnswer: CreateIdentityProviderResponse = { IdentityProvider: oidcProvider };
    scripted.cognito.on(CreateIdentityProviderCommand).callsFake(fresh(createdAnswer));
    const current: DescribeIdentityProviderResponse = { IdentityProvider: oidcProvider };
    scripted.cognito.on(DescribeIdentityProviderCommand).callsFake(fresh(current));
    const updatedAnswer: UpdateIdentityProviderResponse = { IdentityProvider: oidcProvider };
    scripted.cognito.on(UpdateIdentityProviderCommand).callsFake(fresh(updatedAnswer));
    scripted.cognito.on(DeleteIdentityProviderCommand).resolves({});
  });

  it('creates an OIDC provider as Cognito takes it; the answer holds no secret', async () => {
    const response = await scripted.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...asService },
      body: JSON.stringify({ query: CREATE_PROVIDER, variables: { input: oidcInput } }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data: Record<string, any> };
    expect(body.data['createIdentityProvider']).toMatchObject({
      __typename: 'CreateIdentityProviderPayload',
      identityProvider: { providerName: 'Okta', providerType: 'OIDC', secretProviderDetails: ['client_secret'] },
    });
    expect(inputsOf(scripted, CreateIdentityProviderCommand)).toEqual([
      {
        UserPoolId: POOL,
        ProviderName: 'Okta',
        ProviderType: 'OIDC',
        ProviderDetails: {
          client_id: 'okta-client-1',
          client_secret: CLIENT_SECRET,
          authorize_scopes: 'openid profile',
          attributes_request_method: 'GET',
          oidc_issuer: 'https://example.okta.com',
        },
        AttributeMapping: { email: 'email', username: 'sub' },
        IdpIdentifiers: ['example.com'],
      },
    ]);
    expect(text).not.toContain(CLIENT_SECRET);
    expect(log.text()).not.toContain(CLIENT_SECRET);
  });

  it.each([
    [{ providerDetails: oidcInput.providerDetails.filter((d) => d.key !== 'oidc_issuer') }, 'input.providerDetails'],
    [{ providerType: 'SAML', providerDetails: [{ key: 'IDPSignout', value: 'true' }] }, 'input.providerDetails'],
    [{ providerDetails: [...oidcInput.providerDetails, { key: 'client_id', value: 'again' }] }, 'input.providerDetails[5].key'],
    [
      { providerDetails: [...oidcInput.providerDetails, { key: 'attributes_url_add_attributes', value: 'true' }] },
      'input.providerDetails[5].key',
    ],
    [{ providerType: 'COGNITO' }, 'input.providerType'],
    [{ providerName: 'COGNITO' }, 'input.providerName'],
    [{ idpIdentifiers: ['example.com', 'not/valid'] }, 'input.idpIdentifiers[1]'],
    [
      {
        attributeMapping: [
          { userPoolAttribute: 'email', providerAttribute: 'a' },
          { userPoolAttribute: 'email', providerAttribute: 'b' },
        ],
      },
      'input.attributeMapping[1].userPoolAttribute',
    ],
  ])('refuses %j naming %s, before any call', async (part, field) => {
    const answer = await scripted.query(CREATE_PROVIDER, { input: { ...oidcInput, ...part } });
    expect(answer.data!['createIdentityProvider']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('an update merges settings key by key: the secret, mapping and identifiers carried over, Cognito’s own keys left out', async () => {
    const response = await scripted.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...asService },
      body: JSON.stringify({
        query: UPDATE_PROVIDER,
        variables: {
          input: { userPoolId: POOL, providerName: 'Okta', providerDetails: [{ key: 'authorize_scopes', value: 'openid email' }] },
        },
      }),
    });
    const text = await response.text();
    expect(JSON.parse(text).data['updateIdentityProvider'].__typename).toBe('UpdateIdentityProviderPayload');
    expect(inputsOf(scripted, DescribeIdentityProviderCommand)).toEqual([{ UserPoolId: POOL, ProviderName: 'Okta' }]);
    expect(inputsOf(scripted, UpdateIdentityProviderCommand)).toEqual([
      {
        UserPoolId: POOL,
        ProviderName: 'Okta',
        ProviderDetails: {
          client_id: 'okta-client-1',
          client_secret: CLIENT_SECRET,
          authorize_scopes: 'openid email',
          attributes_request_method: 'GET',
          oidc_issuer: 'https://example.okta.com',
        },
        AttributeMapping: { email: 'email', username: 'sub' },
        IdpIdentifiers: ['example.com'],
      },
    ]);
    // The secret read to send back goes to Cognito only.
    expect(text).not.toContain(CLIENT_SECRET);
    expect(log.text()).not.toContain(CLIENT_SECRET);
  });

  it('an update removes the settings it names, and replaces the mapping and identifiers it is given', async () => {
    await scripted.query(UPDATE_PROVIDER, {
      input: {
        userPoolId: POOL,
        providerName: 'Okta',
        removeProviderDetails: ['attributes_request_method'],
        attributeMapping: [{ userPoolAttribute: 'email', providerAttribute: 'mail' }],
        idpIdentifiers: [],
      },
    });
    expect(inputsOf(scripted, UpdateIdentityProviderCommand)).toEqual([
      {
        UserPoolId: POOL,
        ProviderName: 'Okta',
        ProviderDetails: {
          client_id: 'okta-client-1',
          client_secret: CLIENT_SECRET,
          authorize_scopes: 'openid profile',
          oidc_issuer: 'https://example.okta.com',
        },
        AttributeMapping: { email: 'mail' },
        IdpIdentifiers: [],
      },
    ]);
  });

  it('a SAML provider given a new metadata URL drops the file Cognito read from the old one', async () => {
    scripted.cognito.on(DescribeIdentityProviderCommand).resolves({
      IdentityProvider: {
        UserPoolId: POOL,
        ProviderName: 'Corp',
        ProviderType: 'SAML',
        ProviderDetails: {
          MetadataURL: 'https://idp.example.com/old.xml',
          MetadataFile: '<EntityDescriptor/>',
          IDPSignout: 'true',
          SSORedirectBindingURI: 'https://idp.example.com/sso',
          ActiveEncryptionCertificate: 'MIIC-cert',
        },
      },
    });
    await scripted.query(UPDATE_PROVIDER, {
      input: {
        userPoolId: POOL,
        providerName: 'Corp',
        providerDetails: [{ key: 'MetadataURL', value: 'https://idp.example.com/new.xml' }],
      },
    });
    expect(inputsOf(scripted, UpdateIdentityProviderCommand)).toEqual([
      { UserPoolId: POOL, ProviderName: 'Corp', ProviderDetails: { MetadataURL: 'https://idp.example.com/new.xml', IDPSignout: 'true' } },
    ]);
  });

  it('deletes a provider and answers its global id', async () => {
    const answer = await scripted.query(DELETE_PROVIDER, { input: { userPoolId: POOL, providerName: 'Okta' } });
    expect(answer.data!['deleteIdentityProvider']).toEqual({
      __typename: 'DeleteIdentityProviderPayload',
      deletedProviderName: 'Okta',
      deletedId: Buffer.from(`IdentityProvider:${POOL}:Okta`).toString('base64'),
    });
    expect(inputsOf(scripted, DeleteIdentityProviderCommand)).toEqual([{ UserPoolId: POOL, ProviderName: 'Okta' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Resource servers
// ---------------------------------------------------------------------------------------------

const API = 'https://api.example.com';
const identifier = (i: number) => `${API}/v${i}`;
function server(i: number): ResourceServerType {
  return {
    UserPoolId: POOL,
    Identifier: identifier(i),
    Name: `API v${i}`,
    Scopes: [{ ScopeName: 'read', ScopeDescription: `Read v${i}` }],
  };
}
const ordersServer: DescribeResourceServerResponse = {
  ResourceServer: {
    UserPoolId: POOL,
    Identifier: API,
    Name: 'Orders API',
    Scopes: [
      { ScopeName: 'orders.read', ScopeDescription: 'Read orders' },
      { ScopeName: 'orders.write', ScopeDescription: 'Place orders' },
    ],
  },
};

describe('UserPool.resourceServers: ListResourceServers, 50 a page', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(DescribeUserPoolCommand).resolves(describedPool);
    scripted.cognito.on(ListResourceServersCommand).callsFake(
      pagedList({
        pages: [{ items: range(0, 50).map(server), next: 'R1' }, { items: range(50, 53).map(server) }],
        tokenField: 'NextToken',
        sizeField: 'MaxResults',
        itemsField: 'ResourceServers',
        pageSize: 50,
      }),
    );
  });
  const page = (token?: string) => ({ UserPoolId: POOL, MaxResults: 50, ...(token ? { NextToken: token } : {}) });

  it('reads across pages with MaxResults 50 (the operation’s cap); listed servers need no Describe for their scopes', async () => {
    const answer = await scripted.query(`{ userPool(userPoolId: "${POOL}") { resourceServers(first: 53) {
      edges { node { identifier name scopes { name scopeName description standard resourceServer { identifier } } } } pageInfo { hasNextPage } } } }`);
    expect(answer.errors).toBeUndefined();
    const { edges, pageInfo } = answer.data!['userPool'].resourceServers;
    expect(edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      range(0, 53).map((i) => ({
        identifier: identifier(i),
        name: `API v${i}`,
        scopes: [
          {
            name: `${identifier(i)}/read`,
            scopeName: 'read',
            description: `Read v${i}`,
            standard: false,
            resourceServer: { identifier: identifier(i) },
          },
        ],
      })),
    );
    expect(pageInfo.hasNextPage).toBe(false);
    expect(inputsOf(scripted, ListResourceServersCommand)).toEqual([page(), page('R1')]);
    expect(inputsOf(scripted, DescribeResourceServerCommand)).toEqual([]);
  });
});

const CREATE_SERVER = `mutation ($input: CreateResourceServerInput!) { createResourceServer(input: $input) {
  ${result('CreateResourceServerPayload', 'resourceServer { identifier name scopes { name description } }')} } }`;
const UPDATE_SERVER = `mutation ($input: UpdateResourceServerInput!) { updateResourceServer(input: $input) {
  ${result('UpdateResourceServerPayload', 'resourceServer { identifier name }')} } }`;
const DELETE_SERVER = `mutation ($input: DeleteResourceServerInput!) { deleteResourceServer(input: $input) {
  ${result('DeleteResourceServerPayload', 'deletedIdentifier deletedId')} } }`;

describe('createResourceServer, updateResourceServer, deleteResourceServer', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(CreateResourceServerCommand).resolves(ordersServer);
    scripted.cognito.on(DescribeResourceServerCommand).resolves(ordersServer);
    const updatedAnswer: UpdateResourceServerResponse = ordersServer;
    scripted.cognito.on(UpdateResourceServerCommand).resolves(updatedAnswer);
    scripted.cognito.on(DeleteResourceServerCommand).resolves({});
  });

  it('creates a server with its scopes', async () => {
    const answer = await scripted.query(CREATE_SERVER, {
      input: {
        userPoolId: POOL,
        identifier: API,
        name: 'Orders API',
        scopes: [
          { name: 'orders.read', description: 'Read orders' },
          { name: 'orders.write', description: 'Place orders' },
        ],
      },
    });
    expect(answer.data!['createResourceServer']).toEqual({
      __typename: 'CreateResourceServerPayload',
      resourceServer: {
        identifier: API,
        name: 'Orders API',
        scopes: [
          { name: `${API}/orders.read`, description: 'Read orders' },
          { name: `${API}/orders.write`, description: 'Place orders' },
        ],
      },
    });
    expect(inputsOf(scripted, CreateResourceServerCommand)).toEqual([
      {
        UserPoolId: POOL,
        Identifier: API,
        Name: 'Orders API',
        Scopes: [
          { ScopeName: 'orders.read', ScopeDescription: 'Read orders' },
          { ScopeName: 'orders.write', ScopeDescription: 'Place orders' },
        ],
      },
    ]);
  });

  it.each([
    [{ scopes: [{ name: 'orders/read', description: 'x' }] }, 'input.scopes[0].name'],
    [
      {
        scopes: [
          { name: 'a', description: 'x' },
          { name: 'a', description: 'y' },
        ],
      },
      'input.scopes[1].name',
    ],
    [{ scopes: [{ name: 'a', description: '' }] }, 'input.scopes[0].description'],
    [{ identifier: 'has space' }, 'input.identifier'],
    [{ name: 'bad\u0007name' }, 'input.name'],
  ])('refuses %j naming %s, before any call', async (part, field) => {
    const answer = await scripted.query(CREATE_SERVER, { input: { userPoolId: POOL, identifier: API, name: 'Orders API', ...part } });
    expect(answer.data!['createResourceServer']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('a new name keeps the scopes (UpdateResourceServer alone would remove them)', async () => {
    await scripted.query(UPDATE_SERVER, { input: { userPoolId: POOL, identifier: API, name: 'Orders' } });
    expect(inputsOf(scripted, UpdateResourceServerCommand)).toEqual([
      {
        UserPoolId: POOL,
        Identifier: API,
        Name: 'Orders',
        Scopes: [
          { ScopeName: 'orders.read', ScopeDescription: 'Read orders' },
          { ScopeName: 'orders.write', ScopeDescription: 'Place orders' },
        ],
      },
    ]);
  });

  it('new scopes keep the name and replace the list', async () => {
    await scripted.query(UPDATE_SERVER, {
      input: { userPoolId: POOL, identifier: API, scopes: [{ name: 'orders.admin', description: 'All' }] },
    });
    expect(inputsOf(scripted, UpdateResourceServerCommand)).toEqual([
      { UserPoolId: POOL, Identifier: API, Name: 'Orders API', Scopes: [{ ScopeName: 'orders.admin', ScopeDescription: 'All' }] },
    ]);
  });

  it('deletes a server and answers its global id', async () => {
    const answer = await scripted.query(DELETE_SERVER, { input: { userPoolId: POOL, identifier: API } });
    expect(answer.data!['deleteResourceServer']).toEqual({
      __typename: 'DeleteResourceServerPayload',
      deletedIdentifier: API,
      deletedId: Buffer.from(`ResourceServer:${POOL}:${API}`).toString('base64'),
    });
    expect(inputsOf(scripted, DeleteResourceServerCommand)).toEqual([{ UserPoolId: POOL, Identifier: API }]);
  });
});

// ---------------------------------------------------------------------------------------------
// App clients: their providers and scopes as objects
// ---------------------------------------------------------------------------------------------

describe('Client.identityProviders and Client.allowedScopes', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(DescribeUserPoolCommand).resolves(describedPool);
    scripted.cognito.on(ListUserPoolClientsCommand).resolves({
      UserPoolClients: [
        { UserPoolId: POOL, ClientId: 'webclient1', ClientName: 'web' },
        { UserPoolId: POOL, ClientId: 'mobileclient1', ClientName: 'mobile' },
      ],
    });
    const client = (ClientId: string) => ({
      UserPoolClient: {
        UserPoolId: POOL,
        ClientId,
        ClientName: ClientId,
        SupportedIdentityProviders: ['COGNITO', 'Okta', 'SignInWithApple'],
        AllowedOAuthScopes: ['openid', 'email', `${API}/orders.read`, `${API}/orders.gone`],
      },
    });
    scripted.cognito.on(DescribeUserPoolClientCommand, { ClientId: 'webclient1' }).resolves(client('webclient1'));
    scripted.cognito.on(DescribeUserPoolClientCommand, { ClientId: 'mobileclient1' }).resolves(client('mobileclient1'));
    scripted.cognito.on(DescribeIdentityProviderCommand, { ProviderName: 'Okta' }).callsFake(fresh({ IdentityProvider: oidcProvider }));
    scripted.cognito
      .on(DescribeIdentityProviderCommand, { ProviderName: 'SignInWithApple' })
      .callsFake(fresh({ IdentityProvider: appleProvider }));
    scripted.cognito.on(DescribeResourceServerCommand).resolves(ordersServer);
  });

  it('each provider of many clients is described once; COGNITO is built in; names alone cost no Describe', async () => {
    const names = await scripted.query(
      `{ userPool(userPoolId: "${POOL}") { clients(first: 2) { edges { node { identityProviders { providerName } } } } } }`,
    );
    expect(names.data!['userPool'].clients.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { identityProviders: [{ providerName: 'COGNITO' }, { providerName: 'Okta' }, { providerName: 'SignInWithApple' }] },
      { identityProviders: [{ providerName: 'COGNITO' }, { providerName: 'Okta' }, { providerName: 'SignInWithApple' }] },
    ]);
    expect(inputsOf(scripted, DescribeIdentityProviderCommand)).toEqual([]);

    const typed = await scripted.query(`{ userPool(userPoolId: "${POOL}") { clients(first: 2) { edges { node {
      identityProviders { providerName providerType builtIn } supportedIdentityProviders } } } } }`);
    expect(typed.errors).toBeUndefined();
    expect(typed.data!['userPool'].clients.edges[1].node).toEqual({
      identityProviders: [
        { providerName: 'COGNITO', providerType: 'COGNITO', builtIn: true },
        { providerName: 'Okta', providerType: 'OIDC', builtIn: false },
        { providerName: 'SignInWithApple', providerType: 'SignInWithApple', builtIn: false },
      ],
      supportedIdentityProviders: ['COGNITO', 'Okta', 'SignInWithApple'],
    });
    expect(inputsOf(scripted, DescribeIdentityProviderCommand)).toEqual([
      { UserPoolId: POOL, ProviderName: 'Okta' },
      { UserPoolId: POOL, ProviderName: 'SignInWithApple' },
    ]);
  });

  it('scopes: standard ones without a server, custom ones with theirs (one Describe for both clients)', async () => {
    const answer = await scripted.query(`{ userPool(userPoolId: "${POOL}") { clients(first: 2) { edges { node {
      allowedScopes { name scopeName standard description resourceServer { identifier name } } allowedOAuthScopes } } } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['userPool'].clients.edges[0].node.allowedScopes).toEqual([
      { name: 'openid', scopeName: 'openid', standard: true, description: expect.stringContaining('ID token'), resourceServer: null },
      { name: 'email', scopeName: 'email', standard: true, description: expect.stringContaining('email'), resourceServer: null },
      {
        name: `${API}/orders.read`,
        scopeName: 'orders.read',
        standard: false,
        description: 'Read orders',
        resourceServer: { identifier: API, name: 'Orders API' },
      },
      // A scope the server no longer defines: no description, the server still there.
      {
        name: `${API}/orders.gone`,
        scopeName: 'orders.gone',
        standard: false,
        description: null,
        resourceServer: { identifier: API, name: 'Orders API' },
      },
    ]);
    expect(answer.data!['userPool'].clients.edges[0].node.allowedOAuthScopes).toEqual([
      'openid',
      'email',
      `${API}/orders.read`,
      `${API}/orders.gone`,
    ]);
    expect(inputsOf(scripted, DescribeResourceServerCommand)).toEqual([{ UserPoolId: POOL, Identifier: API }]);
  });

  it('the string fields are deprecated in favour of the objects', async () => {
    const answer = await scripted.query(
      `{ __type(name: "Client") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`,
    );
    const fields = answer.data!['__type'].fields as { name: string; isDeprecated: boolean; deprecationReason: string | null }[];
    const byName = new Map(fields.map((field) => [field.name, field]));
    expect(byName.get('supportedIdentityProviders')).toMatchObject({
      isDeprecated: true,
      deprecationReason: expect.stringContaining('identityProviders'),
    });
    expect(byName.get('allowedOAuthScopes')).toMatchObject({
      isDeprecated: true,
      deprecationReason: expect.stringContaining('allowedScopes'),
    });
    expect(byName.get('identityProviders')?.isDeprecated).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Relay nodes and federation entities
// ---------------------------------------------------------------------------------------------

describe('IdentityProvider and ResourceServer as nodes and entities', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(DescribeIdentityProviderCommand, { ProviderName: 'Okta' }).callsFake(fresh({ IdentityProvider: oidcProvider }));
    scripted.cognito.on(DescribeResourceServerCommand).resolves(ordersServer);
  });

  it('node(id:) finds each by the id it gave', async () => {
    const providerId = Buffer.from(`IdentityProvider:${POOL}:Okta`).toString('base64');
    const serverId = Buffer.from(`ResourceServer:${POOL}:${API}`).toString('base64');
    const answer = await scripted.query(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id
      ... on IdentityProvider { providerName } ... on ResourceServer { identifier name } } }`,
      { ids: [providerId, serverId] },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['nodes']).toEqual([
      { id: providerId, providerName: 'Okta' },
      { id: serverId, identifier: API, name: 'Orders API' },
    ]);
  });

  it('_entities resolves them by natural key, each key read once however often it is asked for', async () => {
    const representations = [
      { __typename: 'IdentityProvider', userPoolId: POOL, providerName: 'Okta' },
      { __typename: 'IdentityProvider', userPoolId: POOL, providerName: 'Okta' },
      { __typename: 'IdentityProvider', userPoolId: POOL, providerName: 'COGNITO' },
      { __typename: 'ResourceServer', userPoolId: POOL, identifier: API },
      { __typename: 'ResourceServer', userPoolId: POOL, identifier: API },
    ];
    const answer = await scripted.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on IdentityProvider { providerName providerType } ... on ResourceServer { identifier scopes { scopeName } } } }`,
      { r: representations },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['_entities']).toEqual([
      { providerName: 'Okta', providerType: 'OIDC' },
      { providerName: 'Okta', providerType: 'OIDC' },
      { providerName: 'COGNITO', providerType: 'COGNITO' },
      { identifier: API, scopes: [{ scopeName: 'orders.read' }, { scopeName: 'orders.write' }] },
      { identifier: API, scopes: [{ scopeName: 'orders.read' }, { scopeName: 'orders.write' }] },
    ]);
    expect(inputsOf(scripted, DescribeIdentityProviderCommand)).toEqual([{ UserPoolId: POOL, ProviderName: 'Okta' }]);
    expect(inputsOf(scripted, DescribeResourceServerCommand)).toEqual([{ UserPoolId: POOL, Identifier: API }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every exception each operation documents (its Command's @throws), and the code it is answered with
// ---------------------------------------------------------------------------------------------

const codeOf: Record<string, string> = {
  ConcurrentModificationException: 'CONCURRENT_MODIFICATION',
  DuplicateProviderException: 'DUPLICATE_PROVIDER',
  FeatureUnavailableInTierException: 'FEATURE_UNAVAILABLE_IN_TIER',
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  InvalidParameterException: 'BAD_USER_INPUT',
  LimitExceededException: 'LIMIT_EXCEEDED',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  OperationNotEnabledException: 'OPERATION_NOT_ENABLED',
  ResourceNotFoundException: 'NOT_FOUND',
  TooManyRequestsException: 'THROTTLED',
  UnsupportedIdentityProviderException: 'UNSUPPORTED_IDENTITY_PROVIDER',
};

interface Case {
  /** Scripts the operation to fail with `error`. */
  fail: (scripted: Scripted, error: Error) => void;
  exceptions: string[];
  query: string;
  variables?: Record<string, unknown>;
  /** Where the answer's code is: a mutation's typed result, or the errors of a read. */
  field: string;
  /** A lookup answers a name that is not there as null, without an error. */
  notFoundIsNull?: boolean;
}

const base = ['InternalErrorException', 'InvalidParameterException', 'NotAuthorizedException', 'ResourceNotFoundException'];
const cases: Record<string, Case> = {
  CreateUserPoolDomain: {
    fail: (scripted, error) => scripted.cognito.on(CreateUserPoolDomainCommand).rejects(error),
    exceptions: [
      ...base,
      'ConcurrentModificationException',
      'FeatureUnavailableInTierException',
      'LimitExceededException',
      'OperationNotEnabledException',
    ],
    query: CREATE_DOMAIN,
    variables: { input: { userPoolId: POOL, domain: 'my-app' } },
    field: 'createUserPoolDomain',
  },
  DescribeUserPoolDomain: {
    fail: (scripted, error) => scripted.cognito.on(DescribeUserPoolDomainCommand).rejects(error),
    exceptions: [...base, 'OperationNotEnabledException'],
    query: `{ userPoolDomain(domain: "my-app") { status } }`,
    field: 'userPoolDomain',
  },
  UpdateUserPoolDomain: {
    fail: (scripted, error) => scripted.cognito.on(UpdateUserPoolDomainCommand).rejects(error),
    exceptions: [
      ...base,
      'ConcurrentModificationException',
      'FeatureUnavailableInTierException',
      'OperationNotEnabledException',
      'TooManyRequestsException',
    ],
    query: UPDATE_DOMAIN,
    variables: { input: { userPoolId: POOL, domain: 'my-app', managedLoginVersion: 2 } },
    field: 'updateUserPoolDomain',
  },
  DeleteUserPoolDomain: {
    fail: (scripted, error) => scripted.cognito.on(DeleteUserPoolDomainCommand).rejects(error),
    exceptions: [...base, 'ConcurrentModificationException', 'OperationNotEnabledException'],
    query: DELETE_DOMAIN,
    variables: { input: { userPoolId: POOL, domain: 'my-app' } },
    field: 'deleteUserPoolDomain',
  },
  CreateIdentityProvider: {
    fail: (scripted, error) => scripted.cognito.on(CreateIdentityProviderCommand).rejects(error),
    exceptions: [...base, 'DuplicateProviderException', 'LimitExceededException', 'TooManyRequestsException'],
    query: CREATE_PROVIDER,
    variables: { input: oidcInput },
    field: 'createIdentityProvider',
  },
  DescribeIdentityProvider: {
    fail: (scripted, error) => scripted.cognito.on(DescribeIdentityProviderCommand).rejects(error),
    exceptions: [...base, 'TooManyRequestsException'],
    query: `{ userPool(userPoolId: "${POOL}") { identityProvider(providerName: "Okta") { providerType } } }`,
    field: 'userPool',
    notFoundIsNull: true,
  },
  UpdateIdentityProvider: {
    fail: (scripted, error) => scripted.cognito.on(UpdateIdentityProviderCommand).rejects(error),
    exceptions: [...base, 'ConcurrentModificationException', 'TooManyRequestsException', 'UnsupportedIdentityProviderException'],
    query: UPDATE_PROVIDER,
    variables: { input: { userPoolId: POOL, providerName: 'Okta', idpIdentifiers: [] } },
    field: 'updateIdentityProvider',
  },
  DeleteIdentityProvider: {
    fail: (scripted, error) => scripted.cognito.on(DeleteIdentityProviderCommand).rejects(error),
    exceptions: [...base, 'ConcurrentModificationException', 'TooManyRequestsException', 'UnsupportedIdentityProviderException'],
    query: DELETE_PROVIDER,
    variables: { input: { userPoolId: POOL, providerName: 'Okta' } },
    field: 'deleteIdentityProvider',
  },
  ListIdentityProviders: {
    fail: (scripted, error) => scripted.cognito.on(ListIdentityProvidersCommand).rejects(error),
    exceptions: [...base, 'TooManyRequestsException'],
    query: `{ userPool(userPoolId: "${POOL}") { identityProviders(first: 1) { edges { node { providerName } } } } }`,
    field: 'userPool',
  },
  GetIdentityProviderByIdentifier: {
    fail: (scripted, error) => scripted.cognito.on(GetIdentityProviderByIdentifierCommand).rejects(error),
    exceptions: [...base, 'TooManyRequestsException'],
    query: `{ userPool(userPoolId: "${POOL}") { identityProviderByIdentifier(identifier: "example.com") { providerName } } }`,
    field: 'userPool',
    notFoundIsNull: true,
  },
  CreateResourceServer: {
    fail: (scripted, error) => scripted.cognito.on(CreateResourceServerCommand).rejects(error),
    exceptions: [...base, 'LimitExceededException', 'OperationNotEnabledException', 'TooManyRequestsException'],
    query: CREATE_SERVER,
    variables: { input: { userPoolId: POOL, identifier: API, name: 'Orders API' } },
    field: 'createResourceServer',
  },
  DescribeResourceServer: {
    fail: (scripted, error) => scripted.cognito.on(DescribeResourceServerCommand).rejects(error),
    exceptions: [...base, 'OperationNotEnabledException', 'TooManyRequestsException'],
    query: `{ userPool(userPoolId: "${POOL}") { resourceServer(identifier: "${API}") { name } } }`,
    field: 'userPool',
    notFoundIsNull: true,
  },
  UpdateResourceServer: {
    fail: (scripted, error) => scripted.cognito.on(UpdateResourceServerCommand).rejects(error),
    exceptions: [...base, 'OperationNotEnabledException', 'TooManyRequestsException'],
    query: UPDATE_SERVER,
    variables: { input: { userPoolId: POOL, identifier: API, name: 'Orders' } },
    field: 'updateResourceServer',
  },
  DeleteResourceServer: {
    fail: (scripted, error) => scripted.cognito.on(DeleteResourceServerCommand).rejects(error),
    exceptions: [...base, 'OperationNotEnabledException', 'TooManyRequestsException'],
    query: DELETE_SERVER,
    variables: { input: { userPoolId: POOL, identifier: API } },
    field: 'deleteResourceServer',
  },
  ListResourceServers: {
    fail: (scripted, error) => scripted.cognito.on(ListResourceServersCommand).rejects(error),
    exceptions: [...base, 'OperationNotEnabledException', 'TooManyRequestsException'],
    query: `{ userPool(userPoolId: "${POOL}") { resourceServers(first: 1) { edges { node { identifier } } } } }`,
    field: 'userPool',
  },
};

describe.each(Object.entries(cases))('%s: every documented exception maps to its code', (_, spec) => {
  it.each(spec.exceptions)('%s', async (exception) => {
    // One attempt, and a short deadline for a throttled call's wait: what is asserted is the mapping, not the retry policy.
    const scripted = scriptedGateway({ maxAttempts: 1, requestTimeoutMs: 300 });
    scripted.cognito.on(DescribeUserPoolCommand).resolves(describedPool);
    // What the updates read first.
    scripted.cognito.on(DescribeUserPoolDomainCommand).resolves(prefixDomain);
    scripted.cognito.on(DescribeIdentityProviderCommand).callsFake(fresh({ IdentityProvider: oidcProvider }));
    scripted.cognito.on(DescribeResourceServerCommand).resolves(ordersServer);
    spec.fail(scripted, cognitoException(exception));
    const answer = await scripted.query(spec.query, spec.variables);
    const typed = answer.data?.[spec.field] as { code?: string } | null | undefined;
    const codes = typed?.code ? [typed.code] : (answer.errors ?? []).map((error) => error.extensions?.['code']);
    const expected = spec.notFoundIsNull && exception === 'ResourceNotFoundException' ? [] : [codeOf[exception]];
    expect(codes, JSON.stringify(answer)).toEqual(expected);
  });
});

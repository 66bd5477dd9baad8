import { ResourceNotFoundException, type UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { RedactedClient } from '../../../src/cognito/redaction';
import { clientDetail, clientSummary, getClient, listClients } from '../../../src/resolvers/clients';
import { gatewayErrorOf, pagedList, scriptedContext } from '../../support/scripted-call';

const pool = 'eu-west-1_Pool1';
const created = new Date(Date.UTC(2024, 0, 1));

/** What the real call path hands on: the secret taken out, the fact that there is one kept. */
const webClient: RedactedClient = {
  UserPoolId: pool,
  ClientId: 'webclient1',
  ClientName: 'web',
  HasClientSecret: true,
  CreationDate: created,
  LastModifiedDate: created,
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid'],
  AllowedOAuthFlowsUserPoolClient: true,
  CallbackURLs: ['https://app.example.com/callback'],
  ReadAttributes: ['email'],
  AccessTokenValidity: 60,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'days' },
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
};

const describeAs = (client: RedactedClient | UserPoolClientType) => () => ({ UserPoolClient: client });

describe('listClients', () => {
  it('reads ListUserPoolClients of the pool and follows NextToken', async () => {
    const { ctx, calls } = scriptedContext({
      ListUserPoolClients: pagedList('ListUserPoolClients', [
        { items: [{ ClientId: 'webclient1', ClientName: 'web', UserPoolId: pool }], next: 'next-clients' },
        { items: [{ ClientId: 'cliclient2', ClientName: 'cli', UserPoolId: pool }] },
      ]),
    });

    const clients = await listClients(ctx, pool, {});

    expect(calls).toEqual([
      { operation: 'ListUserPoolClients', input: { UserPoolId: pool, MaxResults: 60 } },
      { operation: 'ListUserPoolClients', input: { UserPoolId: pool, MaxResults: 60, NextToken: 'next-clients' } },
    ]);
    expect(clients.edges.map((edge) => edge.node)).toEqual([
      { userPoolId: pool, clientId: 'webclient1', summary: { name: 'web' } },
      { userPoolId: pool, clientId: 'cliclient2', summary: { name: 'cli' } },
    ]);
    expect(clients.pageInfo.hasNextPage).toBe(false);
  });
});

describe('getClient', () => {
  it('describes the client, knowing it has a secret without holding it', async () => {
    const { ctx, calls } = scriptedContext({ DescribeUserPoolClient: describeAs(webClient) });

    const client = await getClient(ctx, { userPoolId: pool, clientId: 'webclient1' });

    expect(calls).toEqual([{ operation: 'DescribeUserPoolClient', input: { UserPoolId: pool, ClientId: 'webclient1' } }]);
    expect(client).toEqual({
      userPoolId: pool,
      clientId: 'webclient1',
      detail: {
        name: 'web',
        hasSecret: true,
        createdAt: created,
        updatedAt: created,
        explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        allowedOAuthFlows: ['code'],
        allowedOAuthScopes: ['openid'],
        allowedOAuthFlowsUserPoolClient: true,
        callbackUrls: ['https://app.example.com/callback'],
        logoutUrls: [],
        supportedIdentityProviders: [],
        readAttributes: ['email'],
        writeAttributes: [],
        accessTokenValidity: 60,
        refreshTokenValidity: 30,
        tokenValidityUnits: { accessToken: 'minutes', refreshToken: 'days' },
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
      },
    });
  });

  it('a client without a secret has none', async () => {
    const { ClientId, ClientName, UserPoolId } = webClient;
    const { ctx } = scriptedContext({ DescribeUserPoolClient: describeAs({ ClientId, ClientName, UserPoolId }) });

    expect((await getClient(ctx, { userPoolId: pool, clientId: 'webclient1' }))?.detail?.hasSecret).toBe(false);
  });

  it('answers null for a client Cognito does not know', async () => {
    const { ctx, operations } = scriptedContext({
      DescribeUserPoolClient: () => {
        throw new ResourceNotFoundException({ message: 'User pool client gone1 does not exist.', $metadata: {} });
      },
    });

    expect(await getClient(ctx, { userPoolId: pool, clientId: 'gone1' })).toBeNull();
    expect(operations()).toEqual(['DescribeUserPoolClient']);
  });

  it('answers null when Cognito describes no client', async () => {
    const { ctx } = scriptedContext({ DescribeUserPoolClient: () => ({}) });

    expect(await getClient(ctx, { userPoolId: pool, clientId: 'gone1' })).toBeNull();
  });

  it('refuses a malformed client id before any call', async () => {
    const { ctx, calls } = scriptedContext({});

    const error = await gatewayErrorOf(() => getClient(ctx, { userPoolId: pool, clientId: 'not a client' }));

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
    expect(calls).toEqual([]);
  });
});

describe('clientSummary and clientDetail', () => {
  it('serve a listed client’s name from its summary without a call', async () => {
    const { ctx, operations } = scriptedContext({
      ListUserPoolClients: pagedList('ListUserPoolClients', [{ items: [{ ClientId: 'webclient1', ClientName: 'web' }] }]),
    });
    const [edge] = (await listClients(ctx, pool, {})).edges;

    expect(await clientSummary(ctx, edge!.node)).toEqual({ name: 'web' });
    expect(operations()).toEqual(['ListUserPoolClients']);
  });

  it('describe a listed client once when its details are asked, however often', async () => {
    const { ctx, operations, inputsOf } = scriptedContext({
      ListUserPoolClients: pagedList('ListUserPoolClients', [{ items: [{ ClientId: 'webclient1', ClientName: 'web' }] }]),
      DescribeUserPoolClient: describeAs(webClient),
    });
    const [edge] = (await listClients(ctx, pool, {})).edges;

    const [detail, again] = await Promise.all([clientDetail(ctx, edge!.node), clientDetail(ctx, edge!.node)]);

    expect(operations()).toEqual(['ListUserPoolClients', 'DescribeUserPoolClient']);
    expect(inputsOf('DescribeUserPoolClient')).toEqual([{ UserPoolId: pool, ClientId: 'webclient1' }]);
    expect(detail.hasSecret).toBe(true);
    expect(again).toBe(detail);
  });

  it('a client known only by its key is described for its summary', async () => {
    const { ctx, operations } = scriptedContext({ DescribeUserPoolClient: describeAs(webClient) });

    expect((await clientSummary(ctx, { userPoolId: pool, clientId: 'webclient1' })).name).toBe('web');
    expect(operations()).toEqual(['DescribeUserPoolClient']);
  });
});

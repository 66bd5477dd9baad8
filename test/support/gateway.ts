import { inject } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import type { CallLogSummary } from '../../src/cognito/call-log';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/yoga';

export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { cognitoCalls?: CallLogSummary };
}

/** A gateway over the run's real cognito-local, called through `yoga.fetch` (HTTP semantics, no socket). */
export function localGateway(options: Partial<GatewayOptions> = {}) {
  const client = createCognitoClient({ region: 'local', endpoint: inject('cognitoEndpoint'), credentials: localCredentials });
  const gateway = createGateway({ client, debug: true, ...options });
  return {
    gateway,
    client,
    query: <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>) => postQuery<Data>(gateway, query, variables),
  };
}

export async function postQuery<Data = Record<string, any>>(
  gateway: Pick<Gateway, 'fetch'>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<Data>> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

import { inject } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import type { CallLogSummary } from '../../src/cognito/call-log';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/http/yoga';
import { adaptToEmulator } from '../../src/local/emulator-quirks';

export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: { cognitoCalls?: CallLogSummary };
}

/** A machine caller's key, configured on every test gateway: the administrator of most tests. */
export const TEST_SERVICE_KEY = 'test-service-key-0123456789abcdef-0123456789';
export const asService = { 'x-service-key': TEST_SERVICE_KEY };

/** A gateway over the run's real cognito-local, called through `yoga.fetch` (HTTP semantics, no socket). */
export function localGateway(options: Partial<GatewayOptions> = {}) {
  const endpoint = inject('cognitoEndpoint');
  // As the embedded demo's client is: with the emulator's differences adapted (src/local/emulator-quirks.ts).
  const client = adaptToEmulator(createCognitoClient({ region: 'local', endpoint, credentials: localCredentials, maxAttempts: 1 }));
  const gateway = createGateway({
    client,
    debug: true,
    serviceKeys: [TEST_SERVICE_KEY],
    appClients: inject('appClients'),
    issuerBase: endpoint,
    adminGroup: `${inject('demo').pools[0]!.userPoolId}:admins`,
    ...options,
  });
  return {
    gateway,
    client,
    /** As an administrator (the service key). */
    query: <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
      postQuery<Data>(gateway, query, variables, asService),
    /** With exactly these headers: none for an anonymous caller. */
    queryAs: <Data = Record<string, any>>(headers: Record<string, string>, query: string, variables?: Record<string, unknown>) =>
      postQuery<Data>(gateway, query, variables, headers),
  };
}

export async function postQuery<Data = Record<string, any>>(
  gateway: Pick<Gateway, 'fetch'>,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

export const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { serve } from '../../src/http/server';
import { silentLogger } from '../../src/domain/logger';
import { createGateway } from '../../src/http/yoga';
import { CognitoProxy } from '../support/cognito-proxy';
import { TEST_SERVICE_KEY } from '../support/gateway';

const demoPool = inject('demo').pools[0]!.userPoolId;

describe('graceful shutdown', () => {
  const proxy = new CognitoProxy(inject('cognitoEndpoint'));
  beforeAll(() => proxy.start());
  afterAll(() => proxy.stop());

  it('answers the request in flight, then refuses new connections', async () => {
    const client = createCognitoClient({ region: 'local', endpoint: proxy.endpoint, credentials: localCredentials });
    const gateway = createGateway({ client, serviceKeys: [TEST_SERVICE_KEY] });
    const running = await serve(gateway, '127.0.0.1', 0, silentLogger);
    const url = `http://127.0.0.1:${running.port}/graphql`;
    // The request in flight waits on a slow Cognito answer while the server is asked to stop.
    proxy.script('DescribeUserPool', { kind: 'pass', delayMs: 300 });
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-service-key': TEST_SERVICE_KEY },
      body: JSON.stringify({ query: `{ userPool(userPoolId: "${demoPool}") { name } }` }),
    });
    while (proxy.count('DescribeUserPool') === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = running.stop(5_000);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { userPool: { name: 'demo' } } });
    await stopped;
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  });
});

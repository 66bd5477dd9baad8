import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { createGateway, type GatewayOptions } from '../../src/http/yoga';
import { CognitoProxy } from '../support/cognito-proxy';
import { asService, postQuery, TEST_SERVICE_KEY } from '../support/gateway';

const demoPool = inject('demo').pools[0]!.userPoolId;
/** 12 GetGroup calls in one request (distinct names, so the loaders cannot merge them). */
const FAN_OUT = `{ ${Array.from({ length: 12 }, (_, i) => `g${i}: group(userPoolId: "${demoPool}", name: "group-${i}") { name }`).join(' ')} }`;

describe('a query that fans out past a quota is paced, not throttled', () => {
  const proxy = new CognitoProxy(inject('cognitoEndpoint'));
  beforeAll(() => proxy.start());
  afterAll(() => proxy.stop());

  function gatewayWith(options: Partial<GatewayOptions>) {
    const client = createCognitoClient({ region: 'local', endpoint: proxy.endpoint, credentials: localCredentials });
    const gateway = createGateway({ client, serviceKeys: [TEST_SERVICE_KEY], debug: true, ...options });
    return (query: string) => postQuery(gateway, query, undefined, asService);
  }

  it('paced at the quota (GetGroup: 5 per second per pool), all 12 calls are answered and none is refused', async () => {
    proxy.reset();
    proxy.enforceQuota('GetGroup', 5);
    const answer = await gatewayWith({})(FAN_OUT);
    expect(answer.errors).toBeUndefined();
    expect(Object.values(answer.data!)).toEqual(Array(12).fill(null));
    const outcomes = answer.extensions!.cognitoCalls!.calls.map((call) => call.outcome);
    expect(outcomes.filter((outcome) => outcome === 'ResourceNotFoundException')).toHaveLength(12);
    // Pacing kept nearly every call inside the quota. The quota is a sliding window, which a one-second
    // burst overruns at its edge: those few calls are throttled, retried at the rate learned, never seen by the client.
    expect(proxy.throttled()).toBeLessThanOrEqual(4);
    expect(proxy.count('GetGroup')).toBe(12 + proxy.throttled());
  });

  it('without pacing the same query is throttled by Cognito, and every throttled call is retried until answered', async () => {
    proxy.reset();
    proxy.enforceQuota('GetGroup', 5);
    const answer = await gatewayWith({ quotas: { enabled: false, rates: {} } })(FAN_OUT);
    expect(answer.errors).toBeUndefined();
    expect(Object.values(answer.data!)).toEqual(Array(12).fill(null));
    const throttled = proxy.records.filter((record) => record.action === 'error').length;
    expect(throttled).toBeGreaterThanOrEqual(5);
    expect(proxy.count('GetGroup')).toBe(12 + throttled);
  });
});

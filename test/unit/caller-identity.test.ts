import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/auth/caller';
import { callerIdentity } from '../../src/auth/caller-identity';
import type { OperationName } from '../../src/cognito/commands';
import { QuotaPacer } from '../../src/cognito/pacing';
import { createGatewayServices } from '../../src/http/yoga';
import { createContext } from '../../src/resolvers/context';
import { TEST_SERVICE_KEY } from '../support/gateway';
import { scriptedGateway } from '../support/scripted-cognito';

/** Who a request's calls are counted against and queued for: never a credential itself. */

const claims = { userPoolId: 'eu-west-1_Pool', sub: '1f2e-sub', username: 'ada', clientId: 'client', groups: [] };
const user: Caller = { kind: 'user', admin: false, accessToken: 'header.payload.signature', claims };

describe('callerIdentity', () => {
  it('a signed-in user by sub (self-service limit, or the administrators’ when in the group)', () => {
    expect(callerIdentity(user, '10.0.0.1')).toEqual({ key: 'sub:1f2e-sub', limit: 'selfService' });
    expect(callerIdentity({ ...user, admin: true }, '10.0.0.1')).toEqual({ key: 'sub:1f2e-sub', limit: 'admin' });
  });

  it('a service key by an id derived from it: two keys differ, and the key itself appears nowhere', () => {
    const of = (key: string) => callerIdentity({ kind: 'service', admin: true }, '10.0.0.1', new Headers({ 'x-service-key': key }));
    const one = of(TEST_SERVICE_KEY);
    expect(one.key).toMatch(/^key:[0-9a-f]{16}$/);
    expect(one.key).not.toContain(TEST_SERVICE_KEY.slice(0, 8));
    expect(one.limit).toBe('admin');
    expect(of(`${TEST_SERVICE_KEY}x`).key).not.toBe(one.key);
    expect(of(TEST_SERVICE_KEY).key).toBe(one.key);
  });

  it('anybody else by client address, limited as public flows only (an administrator with AUTH_DISABLED by the administrators’)', () => {
    expect(callerIdentity({ kind: 'anonymous', admin: false }, '10.0.0.1')).toEqual({ key: 'address:10.0.0.1', limit: 'publicFlows' });
    expect(callerIdentity({ kind: 'anonymous', admin: true }, '10.0.0.1')).toEqual({ key: 'address:10.0.0.1', limit: 'admin' });
  });
});

describe('the request context tells the pacer who each call is for', () => {
  it('calls of a signed-in user queue as its sub, a service key’s as the key’s id', async () => {
    const queuedAs: string[] = [];
    class RecordingPacer extends QuotaPacer {
      override acquire(
        operation: OperationName,
        userPoolId: string | undefined,
        signal?: AbortSignal,
        deadlineAt?: number,
        caller?: string,
      ) {
        queuedAs.push(caller ?? '(none)');
        return super.acquire(operation, userPoolId, signal, deadlineAt, caller);
      }
    }
    const { client, cognito } = scriptedGateway();
    cognito.onAnyCommand().resolves({});
    const { services } = createGatewayServices({ client, pacer: new RecordingPacer() });
    const request = new Request('http://gateway.test/graphql', { headers: { 'x-service-key': TEST_SERVICE_KEY } });
    await createContext(services, { caller: user, clientAddress: '10.0.0.1' }).call('GetUser', { AccessToken: 'token' });
    await createContext(services, { caller: { kind: 'service', admin: true }, clientAddress: '10.0.0.1', httpRequest: request }).call(
      'ListUserPools',
      { MaxResults: 1 },
    );
    expect(queuedAs).toEqual(['sub:1f2e-sub', expect.stringMatching(/^key:[0-9a-f]{16}$/)]);
  });

  it('a caller the re-check made a plain user is counted under the self-service limit from then on', async () => {
    const { client, cognito } = scriptedGateway();
    cognito.onAnyCommand().resolves({});
    const { services } = createGatewayServices({ client, callerLimits: { selfServicePerMinute: 1, adminPerMinute: 1000 } });
    const administrator: Caller = { ...user, admin: true };
    const context = createContext(services, { caller: administrator, clientAddress: '10.0.0.1' });
    await context.call('GetUser', { AccessToken: 'token' });
    await context.call('GetUser', { AccessToken: 'token' });
    context.caller = { ...administrator, admin: false };
    await context.call('GetUser', { AccessToken: 'token' });
    await expect(context.call('GetUser', { AccessToken: 'token' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

import { describe, expect, it } from 'vitest';
import { PublicFlowLimiter } from '../../src/auth/rate-limit';
import { ConfigError, loadConfig } from '../../src/config';
import { maskDestination } from '../../src/domain/destination-mask';
import { GatewayError } from '../../src/domain/gateway-error';

const POOL = 'eu-west-1_Limits1';

async function refusal(attempt: Promise<void>): Promise<GatewayError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('PublicFlowLimiter: per address and per username', () => {
  it('one username is limited across any number of addresses, with RATE_LIMITED and Retry-After', async () => {
    const limiter = new PublicFlowLimiter({ perAddress: 100, perUsername: 3 });
    for (let i = 1; i <= 3; i++) await limiter.consume({ clientAddress: `198.51.100.${i}`, userPoolId: POOL, username: 'kim' });
    const error = await refusal(limiter.consume({ clientAddress: '198.51.100.4', userPoolId: POOL, username: 'kim' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/for this username/);
    const retryAfterSeconds = error.details['retryAfterSeconds'] as number;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error.headers).toEqual({ 'Retry-After': String(retryAfterSeconds) });
    // Another username from the same addresses is not affected.
    await limiter.consume({ clientAddress: '198.51.100.4', userPoolId: POOL, username: 'lee' });
  });

  it('a username is one account however written (case, compatibility forms), and one per pool', async () => {
    const limiter = new PublicFlowLimiter({ perAddress: 100, perUsername: 2 });
    await limiter.consume({ clientAddress: '198.51.100.1', userPoolId: POOL, username: 'Kim' });
    await limiter.consume({ clientAddress: '198.51.100.2', userPoolId: POOL, username: 'ＫＩＭ' });
    expect((await refusal(limiter.consume({ clientAddress: '198.51.100.3', userPoolId: POOL, username: 'kim' }))).code).toBe(
      'RATE_LIMITED',
    );
    // The same name in another pool is another account.
    await limiter.consume({ clientAddress: '198.51.100.3', userPoolId: 'eu-west-1_Limits2', username: 'kim' });
  });

  it('the per-address limit holds across usernames; a call it refuses spends nothing of the username’s allowance', async () => {
    const limiter = new PublicFlowLimiter({ perAddress: 2, perUsername: 3 });
    await limiter.consume({ clientAddress: '203.0.113.1', userPoolId: POOL, username: 'a1' });
    await limiter.consume({ clientAddress: '203.0.113.1', userPoolId: POOL, username: 'a2' });
    for (let i = 0; i < 5; i++) {
      const error = await refusal(limiter.consume({ clientAddress: '203.0.113.1', userPoolId: POOL, username: 'victim' }));
      expect(error.message).toMatch(/from this address/);
    }
    // Refused five times from the busy address, "victim" still has its whole allowance elsewhere.
    for (let i = 1; i <= 3; i++) await limiter.consume({ clientAddress: `203.0.113.${i + 1}`, userPoolId: POOL, username: 'victim' });
    expect((await refusal(limiter.consume({ clientAddress: '203.0.113.9', userPoolId: POOL, username: 'victim' }))).message).toMatch(
      /username/,
    );
  });
});

describe('maskDestination: as AWS masks, and idempotent', () => {
  it.each([
    ['alice@example.com', 'a***@e***'],
    ['Alice.Liddell@Example.co.uk', 'A***@E***'],
    ['a***@e***', 'a***@e***'],
    ['+15550001234', '+*******1234'],
    ['+*******1234', '+*******1234'],
    ['+12', '+**'],
    ['élodie@exemple.fr', 'é***@e***'],
    ['😀x@example.com', '😀***@e***'],
    ['plain', 'p***'],
    ['', '***'],
  ])('%s → %s', (destination, masked) => {
    expect(maskDestination(destination)).toBe(masked);
    expect(maskDestination(masked)).toBe(masked);
  });
});

describe('configuration', () => {
  it('prevents user existence errors and limits 10 calls per username per minute by default', () => {
    const config = loadConfig({});
    expect(config.preventUserExistenceErrors).toBe(true);
    expect(config.publicFlowRateLimitPerUsername).toBe(10);
    expect(loadConfig({ PREVENT_USER_EXISTENCE_ERRORS: 'false', PUBLIC_FLOW_RATE_LIMIT_PER_USERNAME: '25' })).toMatchObject({
      preventUserExistenceErrors: false,
      publicFlowRateLimitPerUsername: 25,
    });
  });

  it('refuses bad values by name', () => {
    let caught: unknown;
    try {
      loadConfig({ PREVENT_USER_EXISTENCE_ERRORS: 'sometimes', PUBLIC_FLOW_RATE_LIMIT_PER_USERNAME: '0' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PREVENT_USER_EXISTENCE_ERRORS: "sometimes" is not a boolean/);
    expect(problems).toMatch(/PUBLIC_FLOW_RATE_LIMIT_PER_USERNAME: "0" is not a whole number from 1 to 100000/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const PRODUCTION = { COGNITO_REGION: 'eu-west-1' };

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.join('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('REDIS_URL and GATEWAY_REPLICAS', () => {
  it('unset: each process keeps its limits to itself, as one replica', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.redisUrl).toBeUndefined();
    expect(config.replicas).toBe(1);
  });

  it('a redis:// or rediss:// URL, and the number of replicas sharing it', () => {
    const config = loadConfig({ ...PRODUCTION, REDIS_URL: 'rediss://cache.internal:6380/2', GATEWAY_REPLICAS: '3' });
    expect(config.redisUrl).toBe('rediss://cache.internal:6380/2');
    expect(config.replicas).toBe(3);
  });

  it('anything else stops the start, naming the variable and never repeating a password', () => {
    expect(problemsOf({ ...PRODUCTION, REDIS_URL: 'http://:s3cret@cache:6379' })).toBe(
      'REDIS_URL: "http:" is not a Redis URL scheme (use redis:// or rediss://)',
    );
    expect(problemsOf({ ...PRODUCTION, REDIS_URL: '//s3cret@cache' })).toMatch(/^REDIS_URL: is not a URL/);
    expect(problemsOf({ ...PRODUCTION, REDIS_URL: '//s3cret@cache' })).not.toContain('s3cret');
    expect(problemsOf({ ...PRODUCTION, GATEWAY_REPLICAS: '0' })).toBe('GATEWAY_REPLICAS: "0" is not a whole number from 1 to 1000');
  });
});

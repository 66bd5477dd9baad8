import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

/** The security-relevant parts of the configuration: what is refused, and what the defaults are. */

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.join('\n');
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(Object.keys(env))}`);
}

const KEY_32 = 'k'.repeat(32);

describe('AUTH_DISABLED', () => {
  it('is refused with a Region (real AWS) or an endpoint, naming AUTH_DISABLED', () => {
    expect(problemsOf({ AUTH_DISABLED: 'true', AWS_REGION: 'eu-west-1' })).toMatch(
      /^AUTH_DISABLED: may only be true with the embedded local Cognito/m,
    );
    expect(problemsOf({ AUTH_DISABLED: 'yes', COGNITO_REGION: 'us-east-1' })).toMatch(/AUTH_DISABLED/);
    expect(problemsOf({ AUTH_DISABLED: '1', COGNITO_ENDPOINT: 'http://127.0.0.1:9229' })).toMatch(/AUTH_DISABLED/);
  });

  it('is allowed with the embedded local Cognito, and off unless asked for', () => {
    expect(loadConfig({ AUTH_DISABLED: 'true' }).authDisabled).toBe(true);
    expect(loadConfig({}).authDisabled).toBe(false);
    expect(loadConfig({ AWS_REGION: 'eu-west-1', AUTH_DISABLED: 'false' }).authDisabled).toBe(false);
  });
});

describe('GRAPHIQL and INTROSPECTION defaults', () => {
  it('are off in production (a Region or endpoint set)', () => {
    for (const env of [{ AWS_REGION: 'eu-west-1' }, { COGNITO_ENDPOINT: 'http://127.0.0.1:9229' }]) {
      const config = loadConfig(env);
      expect(config.mode).toBe('production');
      expect(config.graphiql).toBe(false);
      expect(config.introspection).toBe(false);
    }
  });

  it('are on in embedded (demo) mode', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('demo');
    expect(config.graphiql).toBe(true);
    expect(config.introspection).toBe(true);
  });

  it('follow an explicit setting either way', () => {
    const production = loadConfig({ AWS_REGION: 'eu-west-1', GRAPHIQL: 'true', INTROSPECTION: 'on' });
    expect([production.graphiql, production.introspection]).toEqual([true, true]);
    const demo = loadConfig({ GRAPHIQL: 'false', INTROSPECTION: '0' });
    expect([demo.graphiql, demo.introspection]).toEqual([false, false]);
  });
});

describe('SERVICE_API_KEYS', () => {
  it('refuses a key shorter than 32 characters, without echoing it', () => {
    const problems = problemsOf({ SERVICE_API_KEYS: `${KEY_32},short-secret-value` });
    expect(problems).toMatch(/SERVICE_API_KEYS: every key must be at least 32 characters long/);
    expect(problems).not.toContain('short-secret-value');
    expect(problemsOf({ SERVICE_API_KEYS: 'k'.repeat(31) })).toMatch(/SERVICE_API_KEYS/);
  });

  it('accepts keys of 32 characters or more, trimmed, comma-separated', () => {
    expect(loadConfig({ SERVICE_API_KEYS: ` ${KEY_32} , ${'x'.repeat(40)} ` }).serviceKeys).toEqual([KEY_32, 'x'.repeat(40)]);
    expect(loadConfig({}).serviceKeys).toEqual([]);
  });
});

describe('COGNITO_APP_CLIENTS', () => {
  it.each([
    [
      'not JSON',
      '[{"userPoolId": "eu-west-1_Abc", "clientId": "abc", "clientSecret": "s3cr3t-do-not-echo"},]',
      /COGNITO_APP_CLIENTS: is not JSON/,
    ],
    ['not an array', '{"userPoolId": "eu-west-1_Abc", "clientId": "abc"}', /COGNITO_APP_CLIENTS: expected a JSON array/],
    ['a client without clientId', '[{"userPoolId": "eu-west-1_Abc"}]', /COGNITO_APP_CLIENTS: expected a JSON array/],
    ['a non-string userPoolId', '[{"userPoolId": 1, "clientId": "abc"}]', /COGNITO_APP_CLIENTS: expected a JSON array/],
    [
      'a non-string secret',
      '[{"userPoolId": "eu-west-1_Abc", "clientId": "abc", "clientSecret": 42}]',
      /COGNITO_APP_CLIENTS: expected a JSON array/,
    ],
    ['null entries', '[null]', /COGNITO_APP_CLIENTS: expected a JSON array/],
  ])('refuses %s, naming the variable and not echoing secrets', (_, value, message) => {
    const problems = problemsOf({ COGNITO_APP_CLIENTS: value });
    expect(problems).toMatch(message);
    expect(problems).not.toContain('s3cr3t');
  });

  it('accepts a well-formed list', () => {
    expect(
      loadConfig({ COGNITO_APP_CLIENTS: '[{"userPoolId": "eu-west-1_Abc", "clientId": "abc", "clientSecret": "s"}]' }).appClients,
    ).toEqual([{ userPoolId: 'eu-west-1_Abc', clientId: 'abc', clientSecret: 's' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { CursorCodec } from '../../src/cognito/cursor';
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

describe('CURSOR_SECRET', () => {
  it('unset in production: a key made for this start (never one anyone can read), with a warning saying what to do', () => {
    const first = loadConfig(PRODUCTION);
    const second = loadConfig(PRODUCTION);
    expect(first.cursorSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(second.cursorSecret).not.toBe(first.cursorSecret);
    // The key that used to be built in, and so signed forgeable cursors.
    const forged = new CursorCodec('cognito-graphql-gateway:cursor:v1').encode('binding', { kind: 'end' });
    expect(() => new CursorCodec(first.cursorSecret).decode(forged, 'binding')).toThrow(/not a valid cursor/);
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toMatch(/^CURSOR_SECRET is unset: .*restarts.*other replicas.*openssl rand -hex 32.*same value/);
  });

  it('unset in demo mode: a key made for this start too, without a warning (one process)', () => {
    const config = loadConfig({});
    expect(config.cursorSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(config.warnings).toEqual([]);
  });

  it('set: used as given when 32 characters or more, refused (naming the variable) when shorter', () => {
    const secret = 'a'.repeat(32);
    expect(loadConfig({ ...PRODUCTION, CURSOR_SECRET: secret }).cursorSecret).toBe(secret);
    expect(loadConfig({ ...PRODUCTION, CURSOR_SECRET: secret }).warnings).toEqual([]);
    expect(problemsOf({ ...PRODUCTION, CURSOR_SECRET: 'short-secret' })).toMatch(
      /^CURSOR_SECRET: is 12 characters long; it must be at least 32 \(make one with `openssl rand -hex 32`\)$/,
    );
  });
});

describe('HTTP limits', () => {
  it('default to seconds, not Node’s minutes, and a connection cap', () => {
    expect(loadConfig({}).http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
    });
  });

  it('are read from their variables', () => {
    const http = loadConfig({
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
      HTTP_MAX_CONNECTIONS: '50',
    }).http;
    expect(http).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 65_000, maxConnections: 50 });
  });

  it('refuse bad values by name, and a headers timeout longer than the request timeout', () => {
    const problems = problemsOf({ HTTP_HEADERS_TIMEOUT_MS: 'soon', HTTP_MAX_CONNECTIONS: '0', HTTP_KEEP_ALIVE_TIMEOUT_MS: '-1' });
    expect(problems).toMatch(/HTTP_HEADERS_TIMEOUT_MS: "soon" is not a whole number/);
    expect(problems).toMatch(/HTTP_MAX_CONNECTIONS: "0" is not a whole number from 1/);
    expect(problems).toMatch(/HTTP_KEEP_ALIVE_TIMEOUT_MS: "-1" is not a whole number/);
    expect(problemsOf({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' })).toMatch(
      /HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/,
    );
  });
});

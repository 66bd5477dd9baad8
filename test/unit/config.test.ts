import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to the embedded local Cognito when nothing about AWS is set', () => {
    const config = loadConfig({});
    expect(config.cognito).toEqual({ kind: 'embedded', dataDir: '.cognito-local', port: 0 });
    expect(config.port).toBe(4000);
    expect(config.debug).toBe(false);
  });

  it('uses real Cognito when a Region is configured, and an endpoint override when given', () => {
    expect(loadConfig({ AWS_REGION: 'eu-west-1' }).cognito).toEqual({ kind: 'aws', region: 'eu-west-1' });
    expect(loadConfig({ COGNITO_ENDPOINT: 'http://127.0.0.1:9229/' }).cognito).toEqual({
      kind: 'aws',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9229',
    });
  });

  it('reports every bad variable by name with what is expected', () => {
    try {
      loadConfig({ PORT: 'eighty', AWS_REGION: 'Europe', GATEWAY_DEBUG: 'maybe', COGNITO_ENDPOINT: 'ftp://x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT: "eighty" is not a whole number from 0 to 65535/);
      expect(problems).toMatch(/GATEWAY_DEBUG: "maybe" is not a boolean/);
      expect(problems).toMatch(/COGNITO_ENDPOINT: "ftp:\/\/x" is not an http\(s\) URL/);
      expect(problems).toMatch(/LOG_LEVEL: "loud" is not one of debug, info, warn, error/);
      expect(problems).toMatch(/AWS_REGION: "Europe" is not an AWS Region/);
    }
  });

  it('reads the per-caller call limits and the per-request call budget, defaults far lower for self-service', () => {
    const defaults = loadConfig({});
    expect(defaults.callerLimits).toEqual({ selfServicePerMinute: 30, adminPerMinute: 3000 });
    expect(defaults.limits.callsPerRequest).toBe(500);
    const set = loadConfig({ SELF_SERVICE_CALL_LIMIT: '10', ADMIN_CALL_LIMIT: '600', MAX_CALLS_PER_REQUEST: '50' });
    expect(set.callerLimits).toEqual({ selfServicePerMinute: 10, adminPerMinute: 600 });
    expect(set.limits.callsPerRequest).toBe(50);
    expect(() => loadConfig({ SELF_SERVICE_CALL_LIMIT: '0', ADMIN_CALL_LIMIT: 'lots', MAX_CALLS_PER_REQUEST: '-1' })).toThrow(
      /SELF_SERVICE_CALL_LIMIT: "0" is not a whole number from 1 to 1000000[\s\S]*ADMIN_CALL_LIMIT: "lots"[\s\S]*MAX_CALLS_PER_REQUEST: "-1"/,
    );
  });
});

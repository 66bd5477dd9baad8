import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('operations settings', () => {
  it('logs JSON in production and text in the demo unless LOG_FORMAT says; the operators listener is off and on loopback by default', () => {
    expect(loadConfig({}).logFormat).toBe('text');
    const production = loadConfig({ COGNITO_REGION: 'eu-west-1' });
    expect(production.logFormat).toBe('json');
    expect(production.ops).toEqual({ host: '127.0.0.1' });
    expect(loadConfig({ COGNITO_REGION: 'eu-west-1', LOG_FORMAT: 'text', OPS_PORT: '9464', OPS_HOST: '0.0.0.0' })).toMatchObject({
      logFormat: 'text',
      ops: { host: '0.0.0.0', port: 9464 },
    });
  });

  it('stops at a bad value, naming the variable', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: "xml" is not one of json, text/);
    expect(() => loadConfig({ OPS_PORT: 'metrics' })).toThrow(/OPS_PORT: "metrics" is not a whole number from 0 to 65535/);
  });
});

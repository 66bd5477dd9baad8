import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '../../src/auth/caller-policy';
import { ConfigError, loadConfig, type TrustedProxies } from '../../src/config';

/** The address a request from `socket` carrying this X-Forwarded-For is counted under. */
function addressOf(trusted: TrustedProxies, socket: string, forwardedFor?: string): string {
  const request = new Request(
    'http://gateway.test/graphql',
    forwardedFor === undefined ? {} : { headers: { 'x-forwarded-for': forwardedFor } },
  );
  return clientAddressOf(trusted)(request, { socket: { remoteAddress: socket } });
}

describe('the client address', () => {
  it('is the socket’s when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(addressOf({ hops: 0 }, '192.0.2.10', '198.51.100.1')).toBe('192.0.2.10');
    expect(addressOf({ hops: 0 }, '192.0.2.10')).toBe('192.0.2.10');
  });

  it('behind one proxy, is the entry that proxy appended: what the client wrote to its left is ignored', () => {
    // The client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the client's real address.
    expect(addressOf({ hops: 1 }, '10.0.0.2', '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(addressOf({ hops: 1 }, '10.0.0.2', '198.51.100.2, 198.51.100.3, 203.0.113.7')).toBe('203.0.113.7');
    expect(addressOf({ hops: 1 }, '10.0.0.2', '203.0.113.7')).toBe('203.0.113.7');
  });

  it('behind two proxies, skips the right-most entry (the first proxy’s) too', () => {
    expect(addressOf({ hops: 2 }, '10.0.0.2', '198.51.100.1, 203.0.113.7, 10.0.0.1')).toBe('203.0.113.7');
  });

  it('is the socket’s when a trusted proxy sent no X-Forwarded-For', () => {
    expect(addressOf({ hops: 1 }, '10.0.0.2')).toBe('10.0.0.2');
  });

  it('with trusted ranges, is the right-most address outside them; an untrusted socket is the client itself', () => {
    const trusted = { addresses: ['10.0.0.0/8', 'loopback'] };
    expect(addressOf(trusted, '10.0.0.5', '198.51.100.1, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    expect(addressOf(trusted, '127.0.0.1', '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    // Not from a trusted proxy: its X-Forwarded-For is the client's own writing.
    expect(addressOf(trusted, '203.0.113.9', '198.51.100.1, 10.0.0.1')).toBe('203.0.113.9');
  });

  it('is "unknown" without a socket (yoga called in-process)', () => {
    const request = new Request('http://gateway.test/graphql', { headers: { 'x-forwarded-for': '198.51.100.1' } });
    expect(clientAddressOf({ hops: 1 })(request, undefined)).toBe('unknown');
  });
});

describe('TRUST_PROXY', () => {
  const read = (value: string | undefined) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value });

  it('is no proxy when unset or false', () => {
    expect(read(undefined).trustProxy).toEqual({ hops: 0 });
    expect(read('false').trustProxy).toEqual({ hops: 0 });
    expect(read('0').trustProxy).toEqual({ hops: 0 });
  });

  it('takes a number of proxies, or addresses and ranges', () => {
    expect(read('2').trustProxy).toEqual({ hops: 2 });
    expect(read('10.0.0.0/8, 192.0.2.1 ,loopback').trustProxy).toEqual({ addresses: ['10.0.0.0/8', '192.0.2.1', 'loopback'] });
    expect(read('2').warnings).toEqual([]);
  });

  it('reads the old `true` as one proxy, with a warning that says how to be explicit', () => {
    const config = read('true');
    expect(config.trustProxy).toEqual({ hops: 1 });
    expect(config.warnings).toHaveLength(1);
    expect(config.warnings[0]).toMatch(/TRUST_PROXY=true is read as one proxy.*right-most X-Forwarded-For/);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['banana', '10.0.0.0/99', '11', '10.0.0.1, nope']) {
      let error: unknown;
      try {
        read(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n'), bad).toMatch(/^TRUST_PROXY: /);
    }
  });
});

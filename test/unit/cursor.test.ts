import { describe, expect, it } from 'vitest';
import { connectionBinding, CursorCodec } from '../../src/cognito/cursor';
import { GatewayError } from '../../src/domain/gateway-error';

const codec = new CursorCodec('test-secret');
const binding = connectionBinding('ListUsers', { UserPoolId: 'eu-west-1_abc' });

function errorOf(fn: () => unknown): { message: string; code: unknown } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    const e = error as GatewayError;
    return { message: e.message, code: e.code };
  }
  throw new Error('expected an error');
}

describe('CursorCodec', () => {
  it('round-trips a position inside a page, including the first page (no token)', () => {
    for (const position of [
      { kind: 'page', token: null, pageSize: 60, offset: 7 },
      { kind: 'page', token: 'opaque+token/with=chars', pageSize: 60, offset: 59 },
    ] as const) {
      expect(codec.decode(codec.encode(binding, position), binding)).toEqual(position);
    }
  });

  it('round-trips the end of a list', () => {
    expect(codec.decode(codec.encode(binding, { kind: 'end' }), binding)).toEqual({ kind: 'end' });
  });

  it('is opaque: neither the token nor the offset shows in the cursor as text', () => {
    const cursor = codec.encode(binding, { kind: 'page', token: 'SECRET-LOOKING-TOKEN', pageSize: 60, offset: 3 });
    expect(cursor).not.toContain('SECRET-LOOKING-TOKEN');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('refuses a cursor of another connection (other arguments, other operation)', () => {
    const cursor = codec.encode(binding, { kind: 'page', token: null, pageSize: 60, offset: 1 });
    const otherPool = connectionBinding('ListUsers', { UserPoolId: 'eu-west-1_other' });
    const otherFilter = connectionBinding('ListUsers', { UserPoolId: 'eu-west-1_abc', Filter: 'email ^= "a"' });
    const otherOperation = connectionBinding('ListGroups', { UserPoolId: 'eu-west-1_abc' });
    for (const other of [otherPool, otherFilter, otherOperation]) {
      const error = errorOf(() => codec.decode(cursor, other));
      expect(error.code).toBe('INVALID_CURSOR');
      expect(error.message).toMatch(/`after`.*different connection/);
    }
  });

  it('binds to arguments regardless of their key order', () => {
    expect(connectionBinding('ListUsers', { UserPoolId: 'p', Filter: 'f' })).toBe(
      connectionBinding('ListUsers', { Filter: 'f', UserPoolId: 'p' }),
    );
  });

  it('refuses a tampered cursor: any changed character, a forged payload, garbage', () => {
    const cursor = codec.encode(binding, { kind: 'page', token: 'abc', pageSize: 60, offset: 2 });
    const [payload, mac] = cursor.split('.') as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify([1, binding, 'abc', 60, 40])).toString('base64url');
    const flipped = `${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}.${mac}`;
    for (const bad of [flipped, `${forgedPayload}.${mac}`, 'not-a-cursor', '', `${cursor}.extra`]) {
      const error = errorOf(() => codec.decode(bad, binding, 'after'));
      expect(error.code).toBe('INVALID_CURSOR');
      expect(error.message).toMatch(/^`after` is not a valid cursor/);
    }
  });

  it('refuses a validly signed cursor whose page size is above what the operation takes', () => {
    const cursor = codec.encode(binding, { kind: 'page', token: 'abc', pageSize: 1_000_000, offset: 2 });
    const error = errorOf(() => codec.decode(cursor, binding, 'after', 60));
    expect(error.code).toBe('INVALID_CURSOR');
    expect(error.message).toMatch(/^`after` is not a valid cursor: its content is malformed/);
    const withinLimit = codec.encode(binding, { kind: 'page', token: 'abc', pageSize: 60, offset: 2 });
    expect(codec.decode(withinLimit, binding, 'after', 60)).toMatchObject({ kind: 'page', pageSize: 60 });
  });

  it('refuses a cursor signed with another secret', () => {
    const foreign = new CursorCodec('other-secret').encode(binding, { kind: 'end' });
    expect(errorOf(() => codec.decode(foreign, binding)).code).toBe('INVALID_CURSOR');
  });
});

import { describe, expect, it } from 'vitest';
import { buildUserFilter } from '../../src/resolvers/user-filter';
import { GatewayError } from '../../src/domain/gateway-error';

function errorOf(fn: () => unknown): { message: string; field: unknown; code: unknown } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    const e = error as GatewayError;
    return { message: e.message, field: e.field, code: e.code };
  }
  throw new Error('expected an error');
}

describe('buildUserFilter', () => {
  it('gives no filter for no input', () => {
    expect(buildUserFilter(undefined)).toBeUndefined();
    expect(buildUserFilter(null)).toBeUndefined();
  });

  it('maps text fields to Cognito attribute names with exact and prefix matches', () => {
    expect(buildUserFilter({ email: { equals: 'ada@example.com' } })).toBe('email = "ada@example.com"');
    expect(buildUserFilter({ givenName: { startsWith: 'Ad' } })).toBe('given_name ^= "Ad"');
    expect(buildUserFilter({ phoneNumber: { startsWith: '+44' } })).toBe('phone_number ^= "+44"');
    expect(buildUserFilter({ preferredUsername: { equals: 'ada' } })).toBe('preferred_username = "ada"');
    expect(buildUserFilter({ familyName: { equals: 'Lovelace' } })).toBe('family_name = "Lovelace"');
  });

  it('maps status, enabled and sub to their exact Cognito forms', () => {
    expect(buildUserFilter({ status: 'UNCONFIRMED' })).toBe('cognito:user_status = "UNCONFIRMED"');
    expect(buildUserFilter({ enabled: false })).toBe('status = "Disabled"');
    expect(buildUserFilter({ enabled: true })).toBe('status = "Enabled"');
    expect(buildUserFilter({ sub: '1b2c' })).toBe('sub = "1b2c"');
  });

  it('escapes quotation marks and backslashes so a value cannot break out of its quotes', () => {
    expect(buildUserFilter({ name: { equals: 'a"b\\c' } })).toBe('name = "a\\"b\\\\c"');
  });

  it('ignores fields given as null (GraphQL clients send them)', () => {
    expect(buildUserFilter({ email: null, username: { equals: 'ada', startsWith: null } })).toBe('username = "ada"');
  });

  it('refuses two attributes at once, naming both', () => {
    const error = errorOf(() => buildUserFilter({ email: { equals: 'a' }, name: { equals: 'b' } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('filter');
    expect(error.message).toMatch(/one attribute at a time.*email and name/);
  });

  it('refuses an empty filter, an empty match, both match kinds and empty values, naming the field', () => {
    expect(errorOf(() => buildUserFilter({})).field).toBe('filter');
    expect(errorOf(() => buildUserFilter({ email: {} })).field).toBe('filter.email');
    expect(errorOf(() => buildUserFilter({ email: { equals: 'a', startsWith: 'a' } })).field).toBe('filter.email');
    const empty = errorOf(() => buildUserFilter({ email: { startsWith: '' } }));
    expect(empty.field).toBe('filter.email.startsWith');
    expect(empty.message).toMatch(/must not be empty/);
    expect(errorOf(() => buildUserFilter({ sub: '' })).field).toBe('filter.sub');
    expect(errorOf(() => buildUserFilter({ name: { equals: 'a\nb' } })).message).toMatch(/control characters/);
  });
});

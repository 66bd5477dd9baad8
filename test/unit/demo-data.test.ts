import { describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_POOL_NAME,
  PARTNERS_POOL_NAME,
  demoDirectory,
  type DemoPoolSpec,
  type DemoUserSpec,
} from '../../src/local/demo-data';

function pool(name: string): DemoPoolSpec {
  const found = demoDirectory.find((p) => p.name === name);
  if (!found) throw new Error(`no pool ${name}`);
  return found;
}

function user(spec: DemoPoolSpec, username: string): DemoUserSpec {
  const found = spec.users.find((u) => u.username === username);
  if (!found) throw new Error(`no user ${username}`);
  return found;
}

function membersOf(spec: DemoPoolSpec, group: string): DemoUserSpec[] {
  return spec.users.filter((u) => u.groups.includes(group));
}

/** cognito-local's default policy, which the demo pools also declare. */
const PASSWORD_POLICY = [/.{8,}/, /[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

const demo = pool(DEMO_POOL_NAME);
const partners = pool(PARTNERS_POOL_NAME);

describe('demo directory', () => {
  it('holds the demo and partners pools under distinct names', () => {
    expect(demoDirectory.map((p) => p.name)).toEqual([DEMO_POOL_NAME, PARTNERS_POOL_NAME]);
  });

  it.each(demoDirectory.map((p) => [p.name, p] as const))('pool %s is internally consistent', (_name, spec) => {
    const usernames = spec.users.map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    const emails = spec.users.map((u) => u.attributes.email);
    expect(emails.every((e) => typeof e === 'string' && /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(e))).toBe(true);
    expect(new Set(emails).size).toBe(emails.length);

    const groupNames = new Set(spec.groups.map((g) => g.name));
    for (const u of spec.users) {
      for (const g of u.groups) expect(groupNames.has(g), `${u.username} → ${g}`).toBe(true);
    }

    const declared = new Set(spec.customAttributes.map((a) => `custom:${a.name}`));
    for (const u of spec.users) {
      for (const name of Object.keys(u.attributes)) {
        if (name.startsWith('custom:')) expect(declared.has(name), `${u.username} ${name}`).toBe(true);
      }
      expect(u.attributes.sub).toBeUndefined();
    }

    const signUpClient = spec.clients.find((c) => c.name === spec.signUpClient);
    expect(signUpClient?.generateSecret).toBe(false);
  });
});

describe('demo pool', () => {
  it('has at least 140 users with realistic standard attributes', () => {
    expect(demo.users.length).toBeGreaterThanOrEqual(140);
    for (const u of demo.users) {
      expect(u.attributes.given_name).toBeTruthy();
      expect(u.attributes.family_name).toBeTruthy();
      expect(u.attributes.name).toBe(`${u.attributes.given_name} ${u.attributes.family_name}`);
    }
    const withPhone = demo.users.filter((u) => u.attributes.phone_number);
    expect(withPhone.length).toBeGreaterThan(20);
    expect(withPhone.length).toBeLessThan(demo.users.length);
    for (const u of withPhone) expect(u.attributes.phone_number).toMatch(/^\+[1-9]\d{7,14}$/);
    expect(demo.users.some((u) => u.attributes.preferred_username)).toBe(true);
    expect(demo.users.some((u) => u.attributes.locale && u.attributes.zoneinfo)).toBe(true);
  });

  it('uses usernames of the form given.family', () => {
    expect(user(demo, 'ada.lovelace').attributes.name).toBe('Ada Lovelace');
    const generated = demo.users.filter((u) => u.username !== 'admin' && u.username !== 'demo.user');
    for (const u of generated) expect(u.username).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it('declares department, employee_id and plan, and sets them on most users', () => {
    expect(demo.customAttributes).toEqual([
      { name: 'department', type: 'String' },
      { name: 'employee_id', type: 'Number' },
      { name: 'plan', type: 'String' },
    ]);
    const withCustom = demo.users.filter((u) => u.attributes['custom:department']);
    expect(withCustom.length).toBeGreaterThan(demo.users.length / 2);
    expect(withCustom.length).toBeLessThan(demo.users.length);
    for (const u of withCustom) expect(u.attributes['custom:employee_id']).toMatch(/^\d+$/);
    const employeeIds = withCustom.map((u) => u.attributes['custom:employee_id']);
    expect(new Set(employeeIds).size).toBe(employeeIds.length);
  });

  it('mixes confirmed, disabled, unconfirmed and force-change-password users', () => {
    const total = demo.users.length;
    const disabled = demo.users.filter((u) => !u.enabled).length;
    const unconfirmed = demo.users.filter((u) => u.status === 'UNCONFIRMED');
    const forceChange = demo.users.filter((u) => u.status === 'FORCE_CHANGE_PASSWORD').length;
    const confirmed = demo.users.filter((u) => u.status === 'CONFIRMED').length;

    expect(disabled / total).toBeGreaterThanOrEqual(0.07);
    expect(disabled / total).toBeLessThanOrEqual(0.13);
    expect(unconfirmed.length / total).toBeGreaterThanOrEqual(0.05);
    expect(unconfirmed.length / total).toBeLessThanOrEqual(0.11);
    expect(forceChange).toBeGreaterThanOrEqual(2);
    expect(forceChange).toBeLessThan(unconfirmed.length);
    expect(confirmed + unconfirmed.length + forceChange).toBe(total);
    // Self sign-ups have not verified their email yet.
    for (const u of unconfirmed) expect(u.attributes.email_verified).toBeUndefined();
  });

  it('has the five groups with descriptions and distinct precedence', () => {
    expect(demo.groups.map((g) => g.name)).toEqual(['admins', 'engineering', 'sales', 'support', 'beta-testers']);
    for (const g of demo.groups) expect(g.description.length).toBeGreaterThan(0);
    expect(new Set(demo.groups.map((g) => g.precedence)).size).toBe(demo.groups.length);
  });

  it('has overlapping group membership, a group larger than one page, and few admins', () => {
    const inSeveral = demo.users.filter((u) => u.groups.length >= 2).length;
    const inNone = demo.users.filter((u) => u.groups.length === 0).length;
    expect(inSeveral).toBeGreaterThanOrEqual(20);
    expect(inNone).toBeGreaterThan(0);
    for (const g of demo.groups) expect(membersOf(demo, g.name).length, g.name).toBeGreaterThan(0);
    expect(Math.max(...demo.groups.map((g) => membersOf(demo, g.name).length))).toBeGreaterThan(60);
    expect(membersOf(demo, 'admins').length).toBeLessThanOrEqual(5);
  });

  it('has the three app clients, only the backend one with a secret', () => {
    expect(demo.clients.map((c) => [c.name, c.generateSecret])).toEqual([
      ['web-app', false],
      ['admin-console', false],
      ['backend-service', true],
    ]);
    const webApp = demo.clients.find((c) => c.name === 'web-app');
    expect(webApp?.explicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    );
  });
});

describe('demo accounts', () => {
  it('are an administrator and a plain user with policy-conforming passwords', () => {
    expect(DEMO_ACCOUNTS.map((a) => [a.username, a.role, a.poolName])).toEqual([
      ['admin', 'administrator', DEMO_POOL_NAME],
      ['demo.user', 'user', DEMO_POOL_NAME],
    ]);
    for (const account of DEMO_ACCOUNTS) {
      for (const rule of PASSWORD_POLICY) expect(account.password).toMatch(rule);
      const spec = user(demo, account.username);
      expect(spec.password).toBe(account.password);
      expect(spec.status).toBe('CONFIRMED');
      expect(spec.enabled).toBe(true);
    }
  });

  it('puts admin in admins and keeps demo.user out of it', () => {
    expect(user(demo, 'admin').groups).toContain('admins');
    expect(user(demo, 'demo.user').groups).not.toContain('admins');
  });

  it('are the only users with a known password', () => {
    const withPassword = demoDirectory.flatMap((p) => p.users).filter((u) => u.password !== undefined);
    expect(withPassword.map((u) => u.username).sort()).toEqual(['admin', 'demo.user']);
  });
});

describe('partners pool', () => {
  it('is small: five users, one group, one client', () => {
    expect(partners.users).toHaveLength(5);
    expect(partners.groups).toHaveLength(1);
    expect(partners.clients).toHaveLength(1);
    const group = partners.groups[0];
    expect(group && membersOf(partners, group.name).length).toBeGreaterThan(0);
  });
});

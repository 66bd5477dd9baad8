import type { ExplicitAuthFlowsType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * The demo directory the gateway seeds into a fresh emulator. Pure data: every value is derived
 * from index arithmetic over fixed lists, so the directory is identical on every start and tests
 * can predict exact counts.
 */

export type DemoUserStatus = 'CONFIRMED' | 'UNCONFIRMED' | 'FORCE_CHANGE_PASSWORD';
export type DemoAccountRole = 'administrator' | 'user';

export interface DemoCustomAttributeSpec {
  /** Without the `custom:` prefix, as CreateUserPool's Schema expects it. */
  name: string;
  type: 'String' | 'Number';
}

export interface DemoGroupSpec {
  name: string;
  description: string;
  precedence: number;
}

export interface DemoClientSpec {
  name: string;
  generateSecret: boolean;
  explicitAuthFlows: readonly ExplicitAuthFlowsType[];
}

export interface DemoUserSpec {
  username: string;
  /** Standard attributes plus `custom:*`; never `sub`, which Cognito assigns. */
  attributes: Readonly<Record<string, string>>;
  status: DemoUserStatus;
  enabled: boolean;
  groups: readonly string[];
  /** Only the well-known demo accounts have a known password; the seeder makes up the rest. */
  password?: string;
}

export interface DemoPoolSpec {
  name: string;
  customAttributes: readonly DemoCustomAttributeSpec[];
  groups: readonly DemoGroupSpec[];
  clients: readonly DemoClientSpec[];
  /** The client UNCONFIRMED users sign up through; it must have no secret. */
  signUpClient: string;
  users: readonly DemoUserSpec[];
}

export interface DemoAccount {
  username: string;
  password: string;
  role: DemoAccountRole;
  poolName: string;
}

export const DEMO_POOL_NAME = 'demo';
export const PARTNERS_POOL_NAME = 'partners';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'Admin#Demo1', role: 'administrator', poolName: DEMO_POOL_NAME },
  { username: 'demo.user', password: 'User#Demo1', role: 'user', poolName: DEMO_POOL_NAME },
];

const PASSWORD_CLIENT_FLOWS: readonly ExplicitAuthFlowsType[] = [
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
];

// ---------------------------------------------------------------------------------------------
// The "demo" pool
// ---------------------------------------------------------------------------------------------

/** Index i pairs with index i of FAMILY_NAMES, so the first users are the people themselves. */
const GIVEN_NAMES = [
  'Ada',
  'Alan',
  'Grace',
  'Leslie',
  'Barbara',
  'Margaret',
  'Donald',
  'Edsger',
  'Dennis',
  'Ken',
  'Linus',
  'Tim',
  'Vint',
  'Radia',
  'Adele',
  'Tony',
  'John',
  'Frances',
  'Claude',
  'Niklaus',
  'Hedy',
  'Katherine',
  'Joan',
] as const;

const FAMILY_NAMES = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Lamport',
  'Liskov',
  'Hamilton',
  'Knuth',
  'Dijkstra',
  'Ritchie',
  'Thompson',
  'Torvalds',
  'Berners-Lee',
  'Cerf',
  'Perlman',
  'Goldberg',
  'Hoare',
  'Backus',
  'Allen',
  'Shannon',
  'Wirth',
  'Lamarr',
  'Johnson',
  'Clarke',
  'Wilkes',
] as const;

/** Generated people besides the two demo accounts; 23 and 24 are coprime, so up to 552 pairs are unique. */
const GENERATED_USER_COUNT = 148;

interface Region {
  locale: string;
  zoneinfo: string;
  /** Country code and area digits; four subscriber digits are appended. */
  phonePrefix: string;
}

const REGIONS: readonly Region[] = [
  { locale: 'en-US', zoneinfo: 'America/New_York', phonePrefix: '+1202555' },
  { locale: 'en-GB', zoneinfo: 'Europe/London', phonePrefix: '+44207946' },
  { locale: 'de-DE', zoneinfo: 'Europe/Berlin', phonePrefix: '+4930123' },
  { locale: 'fr-FR', zoneinfo: 'Europe/Paris', phonePrefix: '+33170' },
  { locale: 'ja-JP', zoneinfo: 'Asia/Tokyo', phonePrefix: '+81355' },
  { locale: 'pt-BR', zoneinfo: 'America/Sao_Paulo', phonePrefix: '+551130' },
];

const DEPARTMENTS = ['Engineering', 'Sales', 'Support', 'Marketing', 'Finance', 'Operations'] as const;
type Department = (typeof DEPARTMENTS)[number];

const PLANS = ['free', 'pro', 'enterprise'] as const;

const DEMO_GROUPS: readonly DemoGroupSpec[] = [
  { name: 'admins', description: 'Directory administrators with full access', precedence: 1 },
  { name: 'engineering', description: 'Product and platform engineering', precedence: 10 },
  { name: 'sales', description: 'Account executives and sales engineers', precedence: 20 },
  { name: 'support', description: 'Customer support, including engineers on call', precedence: 30 },
  { name: 'beta-testers', description: 'Early access to features behind flags', precedence: 40 },
];

const DEMO_CLIENTS: readonly DemoClientSpec[] = [
  { name: 'web-app', generateSecret: false, explicitAuthFlows: PASSWORD_CLIENT_FLOWS },
  {
    name: 'admin-console',
    generateSecret: false,
    explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  },
  {
    name: 'backend-service',
    generateSecret: true,
    explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  },
];

function at<T>(list: readonly T[], index: number): T {
  const value = list[index % list.length];
  if (value === undefined) throw new Error('demo-data: empty list');
  return value;
}

/** ASCII, lower case, spaces to dashes: "Berners-Lee" → "berners-lee", "García" → "garcia". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
}

/** 45% engineering so that group is large enough to page through. */
function departmentOf(i: number): Department {
  const slot = i % 20;
  if (slot <= 8) return 'Engineering';
  if (slot <= 12) return 'Sales';
  if (slot <= 15) return 'Support';
  if (slot <= 17) return 'Marketing';
  return slot === 18 ? 'Finance' : 'Operations';
}

function statusOf(i: number): DemoUserStatus {
  if (i % 12 === 5) return 'UNCONFIRMED';
  if (i % 37 === 11) return 'FORCE_CHANGE_PASSWORD';
  return 'CONFIRMED';
}

/** Pending sign-ups have not been provisioned into any group yet. */
function groupsOf(i: number, department: Department, status: DemoUserStatus): string[] {
  if (status === 'UNCONFIRMED') return [];
  const groups: string[] = [];
  if (i % 50 === 7) groups.push('admins');
  if (department === 'Engineering') groups.push('engineering');
  if (department === 'Sales') groups.push('sales');
  if (department === 'Support' || (department === 'Engineering' && i % 5 === 0)) groups.push('support');
  if (i % 3 === 0) groups.push('beta-testers');
  return groups;
}

function phoneNumber(region: Region, i: number): string {
  return `${region.phonePrefix}${String(1000 + i).padStart(4, '0')}`;
}

function generatedUser(i: number): DemoUserSpec {
  const given = at(GIVEN_NAMES, i);
  const family = at(FAMILY_NAMES, i);
  const username = `${slug(given)}.${slug(family)}`;
  const department = departmentOf(i);
  const status = statusOf(i);
  const region = at(REGIONS, i * 7);

  const attributes: Record<string, string> = {
    email: `${username}@example.com`,
    given_name: given,
    family_name: family,
    name: `${given} ${family}`,
  };
  // SignUp cannot vouch for an email address; only admin-created users start verified.
  if (status !== 'UNCONFIRMED') attributes.email_verified = 'true';
  if (i % 3 !== 2) attributes.phone_number = phoneNumber(region, i);
  if (i % 4 === 1) attributes.preferred_username = `${slug(given)}${i}`;
  if (i % 2 === 0) {
    attributes.locale = region.locale;
    attributes.zoneinfo = region.zoneinfo;
  }
  if (i % 9 !== 4) {
    attributes['custom:department'] = department;
    attributes['custom:employee_id'] = String(10_001 + i);
    attributes['custom:plan'] = at(PLANS, Math.floor(i / 2));
  }

  return { username, attributes, status, enabled: i % 10 !== 3, groups: groupsOf(i, department, status) };
}

function accountPassword(username: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`demo-data: no demo account ${username}`);
  return account.password;
}

const ADMIN_USER: DemoUserSpec = {
  username: 'admin',
  password: accountPassword('admin'),
  status: 'CONFIRMED',
  enabled: true,
  groups: ['admins'],
  attributes: {
    email: 'admin@example.com',
    email_verified: 'true',
    given_name: 'Demo',
    family_name: 'Administrator',
    name: 'Demo Administrator',
    preferred_username: 'admin',
    locale: 'en-US',
    zoneinfo: 'America/New_York',
    'custom:department': 'Operations',
    'custom:employee_id': '10000',
    'custom:plan': 'enterprise',
  },
};

const PLAIN_USER: DemoUserSpec = {
  username: 'demo.user',
  password: accountPassword('demo.user'),
  status: 'CONFIRMED',
  enabled: true,
  groups: ['sales', 'beta-testers'],
  attributes: {
    email: 'demo.user@example.com',
    email_verified: 'true',
    given_name: 'Demo',
    family_name: 'User',
    name: 'Demo User',
    phone_number: '+12025550999',
    locale: 'en-GB',
    zoneinfo: 'Europe/London',
    'custom:department': 'Sales',
    'custom:employee_id': '19999',
    'custom:plan': 'pro',
  },
};

const DEMO_POOL: DemoPoolSpec = {
  name: DEMO_POOL_NAME,
  customAttributes: [
    { name: 'department', type: 'String' },
    { name: 'employee_id', type: 'Number' },
    { name: 'plan', type: 'String' },
  ],
  groups: DEMO_GROUPS,
  clients: DEMO_CLIENTS,
  signUpClient: 'web-app',
  users: [ADMIN_USER, PLAIN_USER, ...Array.from({ length: GENERATED_USER_COUNT }, (_, i) => generatedUser(i))],
};

// ---------------------------------------------------------------------------------------------
// The "partners" pool: small, so listing pools shows more than one
// ---------------------------------------------------------------------------------------------

const PARTNERS = [
  { given: 'Jamie', family: 'Rivera', company: 'Rivera Logistics', enabled: true, reseller: true },
  { given: 'Priya', family: 'Natarajan', company: 'Natarajan Systems', enabled: true, reseller: true },
  { given: 'Kwame', family: 'Mensah', company: 'Accra Cloud Partners', enabled: true, reseller: false },
  { given: 'Sofia', family: 'Lindqvist', company: 'Nordlys Consulting', enabled: false, reseller: true },
  { given: 'Mateo', family: 'García', company: 'Grupo Andino', enabled: true, reseller: false },
] as const;

function partnerUser(partner: (typeof PARTNERS)[number]): DemoUserSpec {
  const username = `${slug(partner.given)}.${slug(partner.family)}`;
  return {
    username,
    status: 'CONFIRMED',
    enabled: partner.enabled,
    groups: partner.reseller ? ['resellers'] : [],
    attributes: {
      email: `${username}@partners.example.org`,
      email_verified: 'true',
      given_name: partner.given,
      family_name: partner.family,
      name: `${partner.given} ${partner.family}`,
      'custom:company': partner.company,
    },
  };
}

const PARTNERS_POOL: DemoPoolSpec = {
  name: PARTNERS_POOL_NAME,
  customAttributes: [{ name: 'company', type: 'String' }],
  groups: [{ name: 'resellers', description: 'Partners allowed to resell subscriptions', precedence: 10 }],
  clients: [{ name: 'partner-portal', generateSecret: false, explicitAuthFlows: PASSWORD_CLIENT_FLOWS }],
  signUpClient: 'partner-portal',
  users: PARTNERS.map(partnerUser),
};

export const demoDirectory: readonly DemoPoolSpec[] = [DEMO_POOL, PARTNERS_POOL];

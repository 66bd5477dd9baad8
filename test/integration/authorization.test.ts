import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { schema } from '../../src/schema';
import { asService, bearer, localGateway, type GraphQLResponse } from '../support/gateway';
import { PUBLIC_FLOWS } from '../support/public-flows';
import { accessClaims, foreignKey, jwtClaims, mintJwt, signInDemoAccount, webAppClient } from '../support/tokens';

/**
 * Who may call what, derived from the schema itself: every root field is public (an explicit
 * list below), or carries Pothos auth scopes, and is called as every kind of caller. A new root
 * field without scopes and not on the public list fails the classification test. Read-only: the
 * matrix runs on a gateway whose Cognito client sends nothing, and the shared demo directory is
 * otherwise only read and signed in to.
 */

const URL = 'http://gateway.test/graphql';
const demo = inject('demo');
const endpoint = inject('cognitoEndpoint');
const web = webAppClient(demo);
/** The partners pool's only app client: served too, but for another pool. */
const partnersPool = demo.pools.find((p) => p.name === 'partners');
const partnersClientId = partnersPool?.clients[0]?.clientId ?? 'no-partners-client';

/**
 * Root fields the federation plugin adds, guarded in their resolvers rather than by field scopes:
 * `_entities` refuses non-administrators before any call; `_service` answers only where
 * introspection is on, or to an administrator. Each has its own tests below.
 */
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

// ---------------------------------------------------------------------------------------------
// Two gateways over the run's cognito-local, each counting every Cognito API call at the SDK
// (this also covers requests refused before execution, which carry no `extensions.cognitoCalls`)
// ---------------------------------------------------------------------------------------------

interface Target {
  gateway: ReturnType<typeof localGateway>['gateway'];
  calls: () => number;
}

/**
 * `blocked`: the client throws before sending, so nothing reaches cognito-local. The matrix runs
 * on it: administrators call every admin field (mutations included) with placeholder arguments,
 * and a regression in a refusal must not be able to write to the shared directory either.
 */
function countingGateway(mode: 'live' | 'blocked'): Target {
  const client = createCognitoClient({ region: 'local', endpoint, credentials: localCredentials });
  let calls = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls++;
      if (mode === 'blocked' && !ADMIN_RECHECK_COMMANDS.has(context.commandName ?? ''))
        throw Object.assign(new Error('Cognito calls are blocked in the authorization matrix'), { name: 'BlockedByTest' });
      return next(args);
    },
    { step: 'initialize', name: 'authorizationTestCallCounter' },
  );
  return { gateway: localGateway({ client }).gateway, calls: () => calls };
}

/**
 * The reads that confirm an administrator's token with Cognito (AUTH_RECHECK_SECONDS) before its
 * request runs: let through even on the blocked gateway, or no administrator would get that far.
 */
const ADMIN_RECHECK_COMMANDS = new Set(['GetUserCommand', 'AdminListGroupsForUserCommand']);

/** Sign-ins, real lookups and credential checks (whose control reads userPools). */
const live = countingGateway('live');
/** The schema-driven matrix. */
const matrix = countingGateway('blocked');

interface Answer extends GraphQLResponse {
  status: number;
  /** SDK calls the request made (or, on the blocked gateway, tried to make). */
  sdkCalls: number;
}

async function send(
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
  target: Target = live,
): Promise<Answer> {
  const before = target.calls();
  const response = await target.gateway.fetch(URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse;
  return { ...body, status: response.status, sdkCalls: target.calls() - before };
}

/** A field refused by its scope: one error with this code at the field, nothing from Cognito. */
function expectRefused(answer: Answer, code: 'UNAUTHENTICATED' | 'FORBIDDEN', fieldName: string, message?: RegExp) {
  const label = `${fieldName}: ${JSON.stringify(answer)}`;
  // A field's refusal in a response that has data: 200, as the GraphQL-over-HTTP spec asks (401 is for a bad credential).
  expect(answer.status, label).toBe(200);
  expect(answer.errors, label).toHaveLength(1);
  const [error] = answer.errors!;
  expect(error!.extensions?.code, label).toBe(code);
  expect(error!.path, label).toEqual([fieldName]);
  expect(error!.message, label).toMatch(message ?? (code === 'UNAUTHENTICATED' ? /Sign in first/ : /administrators/));
  expect(answer.data?.[fieldName] ?? null, label).toBeNull();
  expect(answer.extensions?.cognitoCalls?.total, label).toBe(0);
  expect(answer.sdkCalls, label).toBe(0);
}

/** A request refused as a whole for its credential: 401, UNAUTHENTICATED, no data, no call. */
function expectCredentialRefused(answer: Answer, message: RegExp = /bearer token|Authorization header|x-service-key/) {
  const label = JSON.stringify(answer);
  expect(answer.status, label).toBe(401);
  expect(answer.data, label).toBeUndefined();
  expect(answer.errors, label).toHaveLength(1);
  expect(answer.errors![0]!.extensions?.code, label).toBe('UNAUTHENTICATED');
  expect(answer.errors![0]!.message, label).toMatch(message);
  expect(answer.sdkCalls, label).toBe(0);
}

function expectNotRefused(answer: Answer, label: string) {
  // Execution reached the field (a request refused before execution has no `data` at all).
  expect(answer.data, `${label}: ${JSON.stringify(answer.errors)}`).toBeDefined();
  const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
  expect(codes, `${label}: ${JSON.stringify(answer.errors)}`).not.toContain('UNAUTHENTICATED');
  expect(codes, `${label}: ${JSON.stringify(answer.errors)}`).not.toContain('FORBIDDEN');
  expect(answer.status, label).toBe(200);
}

// ---------------------------------------------------------------------------------------------
// The schema's root fields, classified by their scopes
// ---------------------------------------------------------------------------------------------

type Access = 'public' | 'signedIn' | 'admin';

interface RootField {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  access: Access;
}

/** The scopes Pothos keeps for a field: `{ admin: true }`, `{ signedIn: true }`, or none. */
function authScopesOf(field: GraphQLField<unknown, unknown>): unknown {
  const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions;
  return options?.authScopes;
}

function classify(field: GraphQLField<unknown, unknown>): Access | 'federation' | string {
  if (FEDERATION_FIELDS.has(field.name)) return 'federation';
  const scopes = authScopesOf(field);
  if (scopes === undefined)
    return PUBLIC_FLOWS.has(field.name) ? 'public' : `${field.name} has no auth scopes and is not on the public list`;
  if (PUBLIC_FLOWS.has(field.name)) return `${field.name} is on the public list but has scopes ${JSON.stringify(scopes)}`;
  if (typeof scopes !== 'object' || scopes === null) return `${field.name} has scopes this test cannot read: ${String(scopes)}`;
  const keys = Object.entries(scopes)
    .filter(([, value]) => value === true)
    .map(([key]) => key);
  if (keys.length === 1 && keys[0] === 'admin' && Object.keys(scopes).length === 1) return 'admin';
  if (keys.length === 1 && keys[0] === 'signedIn' && Object.keys(scopes).length === 1) return 'signedIn';
  return `${field.name} has scopes this test does not know: ${JSON.stringify(scopes)}`;
}

const rootTypes: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
  ['query', schema.getQueryType()],
  ['mutation', schema.getMutationType()],
];
const classifications = rootTypes.flatMap(([operation, type]) =>
  Object.values(type?.getFields() ?? {}).map((field) => ({ operation, field, access: classify(field) })),
);
const rootFields = classifications.filter((entry): entry is RootField => ['public', 'signedIn', 'admin'].includes(entry.access));
const fieldsWith = (access: Access) => rootFields.filter((entry) => entry.access === access);

// ---------------------------------------------------------------------------------------------
// Placeholder arguments from the argument types
// ---------------------------------------------------------------------------------------------

/** A pool id of the right shape that no pool has: an administrator's call finds nothing. */
const PLACEHOLDER_POOL = 'eu-west-1_Placeholder0';
const PLACEHOLDER_USER_ID = Buffer.from(`User:${PLACEHOLDER_POOL}:placeholder-user`).toString('base64');

/** Well-formed strings by the name of the argument or input field they go in. */
const STRING_PLACEHOLDERS: Record<string, string> = {
  userPoolId: PLACEHOLDER_POOL,
  clientId: 'placeholderclient0000000000',
  username: 'placeholder-user',
  name: 'placeholder',
  password: 'Placeholder#Password1',
  previousPassword: 'Placeholder#Password1',
  proposedPassword: 'Placeholder#Password2',
  newPassword: 'Placeholder#Password2',
  confirmationCode: '123456',
  code: '123456',
  session: 'placeholder-session-0123456789abcdef',
  attributeName: 'email',
  value: 'placeholder',
};

type Overrides = Record<string, unknown>;

function placeholder(type: GraphQLInputType, name: string, overrides: Overrides): unknown {
  if (name in overrides) return overrides[name];
  if (isNonNullType(type)) return placeholder(type.ofType, name, overrides);
  if (isListType(type)) return [placeholder(type.ofType, name, overrides)];
  if (isEnumType(type)) {
    const [first] = type.getValues();
    if (!first) throw new Error(`enum ${type.name} has no values`);
    return first.name;
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    // @oneOf inputs take exactly one field; others their required ones.
    const chosen = type.isOneOf ? fields.slice(0, 1) : fields.filter((f) => isNonNullType(f.type));
    return Object.fromEntries(chosen.map((f) => [f.name, placeholder(f.type, f.name, overrides)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return PLACEHOLDER_USER_ID;
      case 'String':
        return STRING_PLACEHOLDERS[name] ?? 'placeholder';
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2020-01-01T00:00:00Z';
      case 'JSONObject':
        return {};
      default:
        throw new Error(`no placeholder for scalar ${type.name} (argument ${name}): add one`);
    }
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

/** An operation calling only this field with every required argument, as variables. */
function requestFor({ operation, field }: RootField, overrides: Overrides = {}): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type));
  const definitions = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${operation}${definitions ? ` (${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
  const variables = Object.fromEntries(required.map((arg) => [arg.name, placeholder(arg.type, arg.name, overrides)]));
  return { query, variables };
}

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

const demoPoolId = web.userPoolId;
const demoIssuer = `${endpoint}/${demoPoolId}`;
let plainUser: { accessToken: string; idToken: string | null };
let administrator: { accessToken: string; idToken: string | null };

beforeAll(async () => {
  [plainUser, administrator] = await Promise.all([
    signInDemoAccount(live.gateway, demo, 'user'),
    signInDemoAccount(live.gateway, demo, 'administrator'),
  ]);
});

const ADMIN_QUERY = '{ userPools(first: 1) { edges { node { userPoolId } } } }';
/**
 * A token as cognito-local would sign it for the demo administrator (whose rights Cognito then
 * confirms); each refusal below changes one thing.
 */
const adminClaims = (overrides: Record<string, unknown> = {}) => ({
  ...accessClaims({
    issuer: demoIssuer,
    clientId: web.clientId,
    username: 'admin',
    sub: String(jwtClaims(administrator.accessToken)['sub']),
    groups: ['admins'],
  }),
  ...overrides,
});

// ---------------------------------------------------------------------------------------------

describe('HTTP status of partial answers', () => {
  it('a plain user asking for its viewer and for pools gets 200: viewer filled, pools null with FORBIDDEN at their path', async () => {
    const answer = await send(bearer(plainUser.accessToken), '{ viewer { username } userPools(first: 1) { edges { node { name } } } }');
    expect(answer.status).toBe(200);
    expect(answer.data?.viewer?.username).toBeTruthy();
    expect(answer.data?.userPools).toBeNull();
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['userPools'], 'FORBIDDEN']]);
  });
});

describe('the authorization matrix, from the schema', () => {
  it('classifies every root field: public (listed here) or scoped admin / signedIn', () => {
    const unclassified = classifications
      .filter((entry) => !['public', 'signedIn', 'admin', 'federation'].includes(entry.access))
      .map((e) => e.access);
    expect(unclassified).toEqual([]);
    for (const name of FEDERATION_FIELDS) expect(classifications.map((entry) => entry.field.name)).toContain(name);
    // The public list holds no stale names: each is a root field of the schema.
    const names = new Set(classifications.map((entry) => entry.field.name));
    for (const name of PUBLIC_FLOWS) expect(names, `${name} on the public list is not a root field`).toContain(name);
    // Sanity: the reading of Pothos' options works (these are known to be scoped).
    expect(classify(schema.getQueryType()!.getFields()['userPools']!)).toBe('admin');
    expect(classify(schema.getQueryType()!.getFields()['viewer']!)).toBe('signedIn');
    expect(fieldsWith('admin').length).toBeGreaterThanOrEqual(7);
    expect(fieldsWith('signedIn').length).toBeGreaterThanOrEqual(9);
    expect(
      fieldsWith('public')
        .map((entry) => entry.field.name)
        .sort(),
    ).toEqual([...PUBLIC_FLOWS].sort());
  });

  describe.each(fieldsWith('admin').map((entry) => [`${entry.operation} ${entry.field.name}`, entry] as const))(
    'admin field %s',
    (_, entry) => {
      const { query, variables } = requestFor(entry);
      const name = entry.field.name;

      it('anonymous → UNAUTHENTICATED, no Cognito call', async () => {
        expectRefused(await send({}, query, variables, matrix), 'UNAUTHENTICATED', name);
      });

      it('a signed-in user who is not an administrator → FORBIDDEN, no Cognito call', async () => {
        expectRefused(await send(bearer(plainUser.accessToken), query, variables, matrix), 'FORBIDDEN', name);
      });

      it('a token of the admin pool whose groups only resemble the admin group → FORBIDDEN', async () => {
        const token = mintJwt(adminClaims({ 'cognito:groups': ['Admins', 'admins ', 'admin'] }));
        expectRefused(await send(bearer(token), query, variables, matrix), 'FORBIDDEN', name);
      });

      it('the service key is not refused', async () => {
        expectNotRefused(await send(asService, query, variables, matrix), `${name} as service`);
      });

      it('the administrator’s access token is not refused', async () => {
        expectNotRefused(await send(bearer(administrator.accessToken), query, variables, matrix), `${name} as admin`);
      });
    },
  );

  describe.each(fieldsWith('signedIn').map((entry) => [`${entry.operation} ${entry.field.name}`, entry] as const))(
    'signed-in field %s',
    (_, entry) => {
      it('anonymous → UNAUTHENTICATED, no Cognito call', async () => {
        const { query, variables } = requestFor(entry);
        expectRefused(await send({}, query, variables, matrix), 'UNAUTHENTICATED', entry.field.name);
      });

      it('a service key is no user: refused (FORBIDDEN), no Cognito call', async () => {
        const { query, variables } = requestFor(entry);
        expectRefused(await send(asService, query, variables, matrix), 'FORBIDDEN', entry.field.name, /./);
      });
    },
  );

  describe.each(fieldsWith('public').map((entry) => [`${entry.operation} ${entry.field.name}`, entry] as const))(
    'public field %s',
    (_, entry) => {
      it('anonymous is not refused (bad input is answered as a typed result, before any Cognito call)', async () => {
        // A served client and a username (or refresh token) Cognito would refuse: validation answers, nothing is sent.
        const { query, variables } = requestFor(entry, {
          clientId: web.clientId,
          username: 'not a valid username',
          refreshToken: 'not a valid token',
        });
        const answer = await send({}, query, variables, matrix);
        expectNotRefused(answer, entry.field.name);
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
        expect(answer.data?.[entry.field.name]).toEqual({ __typename: 'InvalidInputError' });
        expect(answer.sdkCalls).toBe(0);
      });
    },
  );

  it('a signed-in user reads its own viewer (the signedIn scope lets a verified token through)', async () => {
    const answer = await send(bearer(plainUser.accessToken), '{ viewer { username userPoolId } }');
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data?.['viewer']).toEqual({ username: 'demo.user', userPoolId: demoPoolId });
  });
});

describe('federation: _entities and _service cannot bypass the admin scope', () => {
  const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { username email } } }';

  it('an entity fetch by a plain user or anonymously is refused before any call', async () => {
    const lookup = await send(asService, 'query ($p: String!) { user(userPoolId: $p, username: "demo.user") { sub } }', { p: demoPoolId });
    const sub = lookup.data?.['user']?.sub as string;
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    for (const representation of [
      { __typename: 'User', sub },
      { __typename: 'User', userPoolId: demoPoolId, username: 'demo.user' },
    ]) {
      // Refused per representation (the path ends with its index), before any call.
      for (const [headers, code] of [
        [bearer(plainUser.accessToken), 'FORBIDDEN'],
        [{}, 'UNAUTHENTICATED'],
      ] as const) {
        const answer = await send(headers, entities, { r: [representation] });
        expect(
          answer.errors?.map((error) => [error.extensions?.code, error.path]),
          JSON.stringify(answer),
        ).toEqual([[code, ['_entities', 0]]]);
        expect(answer.data?.['_entities']).toEqual([null]);
        expect(answer.extensions?.cognitoCalls?.total).toBe(0);
        expect(answer.sdkCalls).toBe(0);
      }
      // The same fetch by the administrator finds the user: the refusal is about the caller.
      const asAdmin = await send(bearer(administrator.accessToken), entities, { r: [representation] });
      expect(asAdmin.errors, JSON.stringify(asAdmin.errors)).toBeUndefined();
      expect(asAdmin.data?.['_entities']).toEqual([{ username: 'demo.user', email: 'demo.user@example.com' }]);
    }
  });

  it('_service { sdl } is refused to non-administrators where introspection is off, and answered to a service key', async () => {
    const closed = localGateway({ introspection: false });
    const sdl = '{ _service { sdl } }';
    const anonymous = await closed.queryAs({}, sdl);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const user = await closed.queryAs(bearer(plainUser.accessToken), sdl);
    expect(user.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const router = await closed.queryAs(asService, sdl);
    expect(router.data?._service.sdl).toContain('@key(fields: "sub")');
    // What a router composes is what the gateway serves: the committed subgraph SDL, connections without last/before.
    expect(router.data?._service.sdl).toBe(readFileSync(new globalThis.URL('../../schema.graphql', import.meta.url), 'utf8'));
    // Where introspection is on (the demo), anyone may read the SDL, as they may introspect.
    const open = await send({}, sdl);
    expect(open.data?.['_service']?.sdl).toContain('type User');
  });
});

describe('credentials that are refused outright', () => {
  const require = createRequire(import.meta.url);
  const publicJwk = (
    JSON.parse(readFileSync(require.resolve('cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8')) as { jwk: Record<string, string> }
  ).jwk;

  it('control: a minted token of a served pool and client in group admins is accepted (so each case below is refused for its one defect)', async () => {
    const answer = await send(bearer(mintJwt(adminClaims())), ADMIN_QUERY);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data?.['userPools']?.edges).toHaveLength(1);
  });

  it('an expired access token', async () => {
    const expired = mintJwt(adminClaims({ exp: Math.floor(Date.now() / 1000) - 60 }));
    expectCredentialRefused(await send(bearer(expired), ADMIN_QUERY), /has expired/);
  });

  it('a token signed with another key (same kid), and one with an unknown kid', async () => {
    expectCredentialRefused(await send(bearer(mintJwt(adminClaims(), foreignKey())), ADMIN_QUERY), /not a valid access token/);
    expectCredentialRefused(
      await send(bearer(mintJwt(adminClaims(), foreignKey('attacker-key'))), ADMIN_QUERY),
      /not a valid access token/,
    );
  });

  it('a real token whose claims were edited (groups + admins) under its original signature', async () => {
    const [header, , signature] = plainUser.accessToken.split('.');
    const claims = { ...jwtClaims(plainUser.accessToken), 'cognito:groups': ['admins'] };
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expectCredentialRefused(await send(bearer(tampered), ADMIN_QUERY), /not a valid access token/);
  });

  it('alg "none" and HS256 keyed with the pool’s public key', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT', kid: 'CognitoLocal' })}.${b64(adminClaims())}.`;
    expectCredentialRefused(await send(bearer(unsigned), ADMIN_QUERY), /not a valid access token/);
    const hsInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'CognitoLocal' })}.${b64(adminClaims())}`;
    const hs = `${hsInput}.${createHmac('sha256', JSON.stringify({ kty: 'RSA', n: publicJwk['n'], e: publicJwk['e'] }))
      .update(hsInput)
      .digest('base64url')}`;
    expectCredentialRefused(await send(bearer(hs), ADMIN_QUERY), /not a valid access token/);
  });

  it('a token of a pool the gateway does not serve, or from another issuer', async () => {
    // Signed with the emulator's own key, so only the issuer is wrong.
    expectCredentialRefused(
      await send(bearer(mintJwt(adminClaims({ iss: `${endpoint}/local_NotServed0` }))), ADMIN_QUERY),
      /not a valid access token/,
    );
    expectCredentialRefused(
      await send(bearer(mintJwt(adminClaims({ iss: `https://cognito-idp.eu-west-1.amazonaws.com/${demoPoolId}` }))), ADMIN_QUERY),
      /not a valid access token/,
    );
    expectCredentialRefused(await send(bearer(mintJwt(adminClaims({ iss: undefined }))), ADMIN_QUERY), /not a valid access token/);
  });

  it('a token for an app client the gateway does not serve, or one served only for another pool', async () => {
    expectCredentialRefused(
      await send(bearer(mintJwt(adminClaims({ client_id: 'notservedclient0000000000' }))), ADMIN_QUERY),
      /not a valid access token/,
    );
    // Served, but for the partners pool: a demo-pool token naming it is refused.
    expect(inject('appClients').some((c) => c.clientId === partnersClientId && c.userPoolId === partnersPool?.userPoolId)).toBe(true);
    expectCredentialRefused(
      await send(bearer(mintJwt(adminClaims({ client_id: partnersClientId }))), ADMIN_QUERY),
      /not a valid access token/,
    );
    expectCredentialRefused(await send(bearer(mintJwt(adminClaims({ client_id: undefined }))), ADMIN_QUERY), /not a valid access token/);
  });

  it('an ID token instead of an access token (the real one, and one with a served client_id)', async () => {
    // The administrator's real ID token: signed by the pool, in group admins, but token_use id.
    const idToken = administrator.idToken!;
    expect(jwtClaims(idToken)).toMatchObject({ token_use: 'id', 'cognito:groups': ['admins'] });
    expectCredentialRefused(await send(bearer(idToken), ADMIN_QUERY), /not a valid access token/);
    expectCredentialRefused(await send(bearer(mintJwt(adminClaims({ token_use: 'id' }))), ADMIN_QUERY), /not a valid access token/);
    expectCredentialRefused(await send(bearer(mintJwt(adminClaims({ token_use: undefined }))), ADMIN_QUERY), /not a valid access token/);
  });

  it('garbage bearer tokens', async () => {
    for (const token of ['garbage', 'a.b.c', 'eyJhbGciOiJSUzI1NiJ9.e30.', `${plainUser.accessToken}x`]) {
      expectCredentialRefused(await send(bearer(token), ADMIN_QUERY), /not a valid access token/);
    }
  });

  it('an Authorization header that is not "Bearer <token>"', async () => {
    const basic = { authorization: `Basic ${Buffer.from('admin:Admin#Demo1').toString('base64')}` };
    for (const headers of [
      basic,
      { authorization: 'Bearer' },
      { authorization: `Token ${administrator.accessToken}` },
      { authorization: '' },
    ]) {
      expectCredentialRefused(await send(headers, '{ __typename }'), /Authorization header must be "Bearer <access token>"/);
    }
  });

  it('a wrong or empty x-service-key, even next to a valid administrator token', async () => {
    const wrong = { 'x-service-key': `${asService['x-service-key']}-wrong` };
    expectCredentialRefused(await send(wrong, '{ __typename }'), /x-service-key header does not hold a service key/);
    expectCredentialRefused(await send({ 'x-service-key': '' }, '{ __typename }'), /x-service-key/);
    expectCredentialRefused(await send({ ...wrong, ...bearer(administrator.accessToken) }, ADMIN_QUERY), /x-service-key/);
  });
});

import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminGetUserCommand,
  AdminListDevicesCommand,
  AdminListGroupsForUserCommand,
  AdminUpdateDeviceStatusCommand,
  ConfirmDeviceCommand,
  ForgetDeviceCommand,
  GetDeviceCommand,
  GetUserCommand,
  ListDevicesCommand,
  ResourceNotFoundException,
  UpdateDeviceStatusCommand,
  UserNotFoundException,
  type AdminGetUserResponse,
  type AdminListGroupsForUserResponse,
  type GetUserResponse,
  type DeviceType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, postQuery } from '../support/gateway';
import { pagedList, range, scriptedGateway, type ScriptedPage } from '../support/scripted-cognito';
import { accessClaims, mintJwt, type SigningKey } from '../support/tokens';

/**
 * Devices over a scripted SDK (cognito-local has no device operations): the administrative reads
 * (AdminListDevices, AdminGetDevice), the self-service reads with the caller's own access token
 * (ListDevices, GetDevice), and every device write, with exactly the inputs Cognito documents.
 * Self-service needs a verified access token: the gateway trusts a key generated here, whose
 * JWKS a loopback HTTP server serves at `<issuerBase>/<poolId>/.well-known/jwks.json`.
 */

const POOL = 'eu-west-1_Devices1';
const USERNAME = 'dana';
const CLIENT_ID = '3d3vicecl1ent0000000000000';
const SUB = '7f3c1a2e-0000-4000-8000-00000000d0d0';

/** Device keys as Cognito makes them: `<region>_<uuid>`. */
const deviceKey = (i: number) => `eu-west-1_0d0c0b0a-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const created = (i: number) => new Date(Date.UTC(2024, 1, 1, 0, 0, i));
const modified = (i: number) => new Date(Date.UTC(2024, 2, 1, 0, 0, i));
const authenticated = (i: number) => new Date(Date.UTC(2024, 3, 1, 0, 0, i));

/** A DeviceType as the SDK deserializes it (dates as Date objects). */
function scriptedDevice(i: number, remembered: 'remembered' | 'not_remembered' = 'remembered'): DeviceType {
  return {
    DeviceKey: deviceKey(i),
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      { Name: 'device_name', Value: `Phone ${i}` },
      { Name: 'dev:device_remembered_status', Value: remembered },
      { Name: 'last_ip_used', Value: '192.0.2.10' },
    ],
    DeviceCreateDate: created(i),
    DeviceLastModifiedDate: modified(i),
    DeviceLastAuthenticatedDate: authenticated(i),
  };
}

/** What the gateway answers for scriptedDevice(i). */
function expectedDevice(i: number, remembered: 'remembered' | 'not_remembered' = 'remembered') {
  return {
    deviceKey: deviceKey(i),
    name: `Phone ${i}`,
    attributes: [
      { name: 'device_status', value: 'valid' },
      { name: 'device_name', value: `Phone ${i}` },
      { name: 'dev:device_remembered_status', value: remembered },
      { name: 'last_ip_used', value: '192.0.2.10' },
    ],
    createdAt: created(i).toISOString(),
    lastAuthenticatedAt: authenticated(i).toISOString(),
  };
}

const adminGetUser: AdminGetUserResponse = {
  Username: USERNAME,
  UserAttributes: [
    { Name: 'sub', Value: SUB },
    { Name: 'email', Value: 'dana@example.com' },
  ],
  UserCreateDate: new Date(Date.UTC(2023, 0, 1)),
  UserLastModifiedDate: new Date(Date.UTC(2023, 0, 2)),
  Enabled: true,
  UserStatus: 'CONFIRMED',
};

const DEVICE_FIELDS = 'deviceKey name attributes { name value } createdAt lastAuthenticatedAt';

const USER_DEVICES = /* GraphQL */ `
  query ($first: Int, $after: String) {
    user(userPoolId: "${POOL}", username: "${USERNAME}") {
      devices(first: $first, after: $after) {
        edges { node { ${DEVICE_FIELDS} } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

interface DeviceNode {
  deviceKey: string;
  name: string | null;
  attributes: { name: string; value: string }[];
  createdAt: string | null;
  lastAuthenticatedAt: string | null;
}
interface DevicesPage {
  user: { devices: { edges: { node: DeviceNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
}

type Scripted = ReturnType<typeof scriptedGateway>;

/** The names of the commands sent, in order. */
function sentCommands(scripted: Scripted): string[] {
  return scripted.cognito.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));
}

// ---------------------------------------------------------------------------------------------
// A key the gateway trusts: its JWKS on a loopback server, tokens minted with node:crypto
// ---------------------------------------------------------------------------------------------

let jwksServer: Server;
let issuerBase: string;
let jwksRequests = 0;
const signingKey: SigningKey = { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, kid: 'devices-test-key' };

beforeAll(async () => {
  const jwk = { ...createPublicKey(signingKey.key).export({ format: 'jwk' }), kid: signingKey.kid, alg: 'RS256', use: 'sig' };
  jwksServer = createServer((request, response) => {
    if (request.url === `/${POOL}/.well-known/jwks.json`) {
      jwksRequests++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  issuerBase = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
});

/** A gateway serving one app client of POOL, so that tokens of that client are verified. */
function selfServiceGateway(): Scripted {
  return scriptedGateway({ appClients: [{ userPoolId: POOL, clientId: CLIENT_ID }], issuerBase });
}

function userToken(groups?: string[]): string {
  return mintJwt(
    accessClaims({ issuer: `${issuerBase}/${POOL}`, clientId: CLIENT_ID, username: USERNAME, sub: SUB, ...(groups ? { groups } : {}) }),
    signingKey,
  );
}

// ---------------------------------------------------------------------------------------------

describe('user.devices: AdminListDevices over short, empty and full pages', () => {
  let scripted: Scripted;
  // 72 devices: a full page of 60, a short page of 5, an empty page that still hands out a
  // token, then the last 7.
  const pages: ScriptedPage<number>[] = [
    { items: range(0, 60), next: 'D1' },
    { items: range(60, 65), next: 'D2' },
    { items: [], next: 'D3' },
    { items: range(65, 72) },
  ];

  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
    scripted.cognito.on(AdminListDevicesCommand).callsFake(
      pagedList({
        pages: pages.map((page) => ({ ...page, items: page.items.map((i) => scriptedDevice(i)) })),
        tokenField: 'PaginationToken',
        sizeField: 'Limit',
        itemsField: 'Devices',
      }),
    );
    scripted.cognito.on(AdminGetDeviceCommand).rejects(new Error('AdminGetDevice must not be called in this test'));
  });

  /** The exact inputs of every AdminListDevices call, in order. */
  const listInputs = () => scripted.cognito.commandCalls(AdminListDevicesCommand).map((call) => call.args[0].input);
  const page = (token?: string) => ({ UserPoolId: POOL, Username: USERNAME, Limit: 60, ...(token ? { PaginationToken: token } : {}) });

  it('reads every device of the user, with every field mapped, and says hasNextPage false at the end', async () => {
    const result = await scripted.query<DevicesPage>(USER_DEVICES, { first: 72 });
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo } = result.data!.user.devices;
    expect(edges.map((edge) => edge.node)).toEqual(range(0, 72).map((i) => expectedDevice(i)));
    expect(pageInfo.hasNextPage).toBe(false);
    expect(listInputs()).toEqual([page(), page('D1'), page('D2'), page('D3')]);
    expect(scripted.cognito.commandCalls(AdminGetUserCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: USERNAME },
    ]);
  });

  it('stops as soon as first + 1 devices are known: two pages for 64', async () => {
    const result = await scripted.query<DevicesPage>(USER_DEVICES, { first: 64 });
    const { edges, pageInfo } = result.data!.user.devices;
    expect(edges.map((edge) => edge.node.deviceKey)).toEqual(range(0, 64).map(deviceKey));
    expect(pageInfo.hasNextPage).toBe(true);
    expect(listInputs()).toEqual([page(), page('D1')]);
  });

  it('follows the empty page to find the one device beyond `first`: hasNextPage true for 65', async () => {
    const result = await scripted.query<DevicesPage>(USER_DEVICES, { first: 65 });
    const { edges, pageInfo } = result.data!.user.devices;
    expect(edges).toHaveLength(65);
    expect(edges[64]!.node.deviceKey).toBe(deviceKey(64));
    expect(pageInfo.hasNextPage).toBe(true);
    expect(listInputs()).toEqual([page(), page('D1'), page('D2'), page('D3')]);
  });

  it('resumes after the last device of the short page with its token, not by re-reading', async () => {
    const first = await scripted.query<DevicesPage>(USER_DEVICES, { first: 65 });
    scripted.cognito.resetHistory();
    const next = await scripted.query<DevicesPage>(USER_DEVICES, { first: 10, after: first.data!.user.devices.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data!.user.devices.edges.map((edge) => edge.node.deviceKey)).toEqual(range(65, 72).map(deviceKey));
    expect(next.data!.user.devices.pageInfo.hasNextPage).toBe(false);
    expect(listInputs()).toEqual([page('D2'), page('D3')]);
  });

  it('serves a listed device from the list when it is asked for again later in the request: no AdminGetDevice', async () => {
    // `user { device }` nested under a listed device resolves after the list has returned.
    const result = await scripted.query(`{
      user(userPoolId: "${POOL}", username: "${USERNAME}") {
        devices(first: 3) { edges { node { deviceKey user { device(deviceKey: "${deviceKey(1)}") { ${DEVICE_FIELDS} } } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const edges = result.data!.user.devices.edges as { node: { deviceKey: string; user: { device: DeviceNode } } }[];
    expect(edges.map((edge) => edge.node.user.device)).toEqual([expectedDevice(1), expectedDevice(1), expectedDevice(1)]);
    expect(scripted.cognito.commandCalls(AdminGetDeviceCommand)).toHaveLength(0);
    expect(listInputs()).toEqual([page()]);
    // The owner was read once, then served from the request's loaded data.
    expect(scripted.cognito.commandCalls(AdminGetUserCommand)).toHaveLength(1);
  });
});

describe('user.device: AdminGetDevice', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
  });

  const DEVICE = `query ($key: String!) { user(userPoolId: "${POOL}", username: "${USERNAME}") { device(deviceKey: $key) { id ${DEVICE_FIELDS} } } }`;

  it('reads one device with AdminGetDevice', async () => {
    scripted.cognito.on(AdminGetDeviceCommand).resolves({ Device: scriptedDevice(7) });
    const result = await scripted.query(DEVICE, { key: deviceKey(7) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.user.device).toMatchObject(expectedDevice(7));
    expect(scripted.cognito.commandCalls(AdminGetDeviceCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: USERNAME, DeviceKey: deviceKey(7) },
    ]);
  });

  it('answers null, without an error, when Cognito answers ResourceNotFoundException', async () => {
    scripted.cognito.on(AdminGetDeviceCommand).rejects(new ResourceNotFoundException({ message: 'Device does not exist.', $metadata: {} }));
    const result = await scripted.query(DEVICE, { key: deviceKey(8) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.user).toEqual({ device: null });
    expect(scripted.cognito.commandCalls(AdminGetDeviceCommand)).toHaveLength(1);
  });

  it('refuses a malformed device key before any AdminGetDevice', async () => {
    const result = await scripted.query(DEVICE, { key: 'not a device key' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deviceKey' });
    expect(result.data!.user).toEqual({ device: null });
    expect(scripted.cognito.commandCalls(AdminGetDeviceCommand)).toHaveLength(0);
  });

  it('gives a device a stable global id made of its natural key, different for another device', async () => {
    scripted.cognito.on(AdminGetDeviceCommand).callsFake((input: { DeviceKey: string }) => ({
      Device: scriptedDevice(input.DeviceKey === deviceKey(9) ? 9 : 8),
    }));
    const first = await scripted.query(DEVICE, { key: deviceKey(9) });
    const again = await scripted.query(DEVICE, { key: deviceKey(9) });
    const other = await scripted.query(DEVICE, { key: deviceKey(8) });
    const id = first.data!.user.device.id as string;
    expect(again.data!.user.device.id).toBe(id);
    expect(other.data!.user.device.id).not.toBe(id);
    expect(
      JSON.parse(
        Buffer.from(id, 'base64')
          .toString('utf8')
          .replace(/^Device:/, ''),
      ),
    ).toEqual([POOL, USERNAME, deviceKey(9)]);
  });
});

describe('viewer.devices and viewer.device: the caller’s own access token', () => {
  let scripted: Scripted;
  let token: string;
  beforeEach(() => {
    scripted = selfServiceGateway();
    token = userToken();
    scripted.cognito.on(GetUserCommand).resolves({ Username: USERNAME, UserAttributes: [{ Name: 'sub', Value: SUB }] });
  });

  const asUser = (query: string, variables?: Record<string, unknown>) => postQuery(scripted.gateway, query, variables, bearer(token));

  it('lists with ListDevices, paging with PaginationToken and Limit 60, sending the token as AccessToken', async () => {
    scripted.cognito.on(ListDevicesCommand).callsFake(
      pagedList({
        pages: [{ items: [scriptedDevice(1), scriptedDevice(2)], next: 'V1' }, { items: [scriptedDevice(3)] }],
        tokenField: 'PaginationToken',
        sizeField: 'Limit',
        itemsField: 'Devices',
      }),
    );
    const result = await asUser(
      `{ viewer { username devices(first: 5) { edges { node { ${DEVICE_FIELDS} } } pageInfo { hasNextPage } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.viewer.username).toBe(USERNAME);
    expect(result.data!.viewer.devices.edges.map((edge: { node: DeviceNode }) => edge.node)).toEqual(
      [1, 2, 3].map((i) => expectedDevice(i)),
    );
    expect(result.data!.viewer.devices.pageInfo.hasNextPage).toBe(false);
    expect(scripted.cognito.commandCalls(ListDevicesCommand).map((call) => call.args[0].input)).toEqual([
      { AccessToken: token, Limit: 60 },
      { AccessToken: token, Limit: 60, PaginationToken: 'V1' },
    ]);
    expect(scripted.cognito.commandCalls(GetUserCommand).map((call) => call.args[0].input)).toEqual([{ AccessToken: token }]);
    // Self-service never uses the administrative operations.
    expect(scripted.cognito.commandCalls(AdminListDevicesCommand)).toHaveLength(0);
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('reads one device with GetDevice, and null when Cognito answers ResourceNotFoundException', async () => {
    scripted.cognito
      .on(GetDeviceCommand, { DeviceKey: deviceKey(4) })
      .resolves({ Device: scriptedDevice(4) })
      .on(GetDeviceCommand, { DeviceKey: deviceKey(5) })
      .rejects(new ResourceNotFoundException({ message: 'Device does not exist.', $metadata: {} }));
    const result = await asUser(
      `query ($a: String!, $b: String!) { viewer { a: device(deviceKey: $a) { ${DEVICE_FIELDS} } b: device(deviceKey: $b) { deviceKey } } }`,
      {
        a: deviceKey(4),
        b: deviceKey(5),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.viewer).toEqual({ a: expectedDevice(4), b: null });
    expect(scripted.cognito.commandCalls(GetDeviceCommand).map((call) => call.args[0].input)).toEqual([
      { AccessToken: token, DeviceKey: deviceKey(4) },
      { AccessToken: token, DeviceKey: deviceKey(5) },
    ]);
    expect(scripted.cognito.commandCalls(AdminGetDeviceCommand)).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

const ADMIN_FORGET = /* GraphQL */ `
  mutation ($input: AdminForgetDeviceInput!) {
    adminForgetDevice(input: $input) {
      __typename
      ... on AdminForgetDevicePayload {
        forgottenDeviceKey
      }
      ... on InvalidInputError {
        field
        reason
      }
      ... on CognitoError {
        code
        message
      }
    }
  }
`;

const ADMIN_UPDATE_STATUS = /* GraphQL */ `
  mutation ($input: AdminUpdateDeviceStatusInput!) {
    adminUpdateDeviceStatus(input: $input) {
      __typename
      ... on AdminUpdateDeviceStatusPayload { device { ${DEVICE_FIELDS} } }
      ... on InvalidInputError { field reason }
      ... on CognitoError { code message }
    }
  }
`;

const CONFIRM = /* GraphQL */ `
  mutation ($input: ConfirmDeviceInput!) {
    confirmDevice(input: $input) {
      __typename
      ... on ConfirmDevicePayload {
        deviceKey
        userConfirmationNecessary
      }
      ... on InvalidInputError {
        field
        reason
      }
      ... on CognitoError {
        code
        message
      }
    }
  }
`;

const FORGET = /* GraphQL */ `
  mutation ($input: ForgetDeviceInput!) {
    forgetDevice(input: $input) {
      __typename
      ... on ForgetDevicePayload {
        forgottenDeviceKey
      }
      ... on InvalidInputError {
        field
        reason
      }
      ... on CognitoError {
        code
        message
      }
    }
  }
`;

const UPDATE_STATUS = /* GraphQL */ `
  mutation ($input: UpdateDeviceStatusInput!) {
    updateDeviceStatus(input: $input) {
      __typename
      ... on UpdateDeviceStatusPayload { device { ${DEVICE_FIELDS} } }
      ... on InvalidInputError { field reason }
      ... on CognitoError { code message }
    }
  }
`;

describe('administrative device writes', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
  });

  it('adminForgetDevice sends AdminForgetDevice with exactly the device named', async () => {
    scripted.cognito.on(AdminForgetDeviceCommand).resolves({});
    const result = await scripted.query(ADMIN_FORGET, { input: { userPoolId: POOL, username: USERNAME, deviceKey: deviceKey(3) } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminForgetDevice).toEqual({ __typename: 'AdminForgetDevicePayload', forgottenDeviceKey: deviceKey(3) });
    expect(sentCommands(scripted)).toEqual(['AdminForgetDevice']);
    expect(scripted.cognito.commandCalls(AdminForgetDeviceCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: USERNAME,
      DeviceKey: deviceKey(3),
    });
  });

  it('adminForgetDevice returns UserNotFoundException as a typed UserNotFoundError', async () => {
    scripted.cognito.on(AdminForgetDeviceCommand).rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));
    const result = await scripted.query(ADMIN_FORGET, { input: { userPoolId: POOL, username: 'ghost', deviceKey: deviceKey(3) } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminForgetDevice).toEqual({
      __typename: 'UserNotFoundError',
      code: 'USER_NOT_FOUND',
      message: 'User does not exist.',
    });
  });

  it('adminUpdateDeviceStatus reads no device back when the payload does not ask for it', async () => {
    scripted.cognito.on(AdminUpdateDeviceStatusCommand).resolves({});
    const input = { userPoolId: POOL, username: USERNAME, deviceKey: deviceKey(3), rememberedStatus: 'remembered' };
    const result = await scripted.query(
      `mutation ($input: AdminUpdateDeviceStatusInput!) { adminUpdateDeviceStatus(input: $input) { __typename } }`,
      { input },
    );
    expect(result.data!.adminUpdateDeviceStatus).toEqual({ __typename: 'AdminUpdateDeviceStatusPayload' });
    expect(sentCommands(scripted)).toEqual(['AdminUpdateDeviceStatus']);
  });

  it('adminUpdateDeviceStatus sends the status, then reads the device back with AdminGetDevice for the payload', async () => {
    scripted.cognito.on(AdminUpdateDeviceStatusCommand).resolves({});
    scripted.cognito.on(AdminGetDeviceCommand).resolves({ Device: scriptedDevice(3, 'not_remembered') });
    const input = { userPoolId: POOL, username: USERNAME, deviceKey: deviceKey(3), rememberedStatus: 'not_remembered' };
    const result = await scripted.query(ADMIN_UPDATE_STATUS, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminUpdateDeviceStatus).toEqual({
      __typename: 'AdminUpdateDeviceStatusPayload',
      device: expectedDevice(3, 'not_remembered'),
    });
    expect(sentCommands(scripted)).toEqual(['AdminUpdateDeviceStatus', 'AdminGetDevice']);
    expect(scripted.cognito.commandCalls(AdminUpdateDeviceStatusCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: USERNAME,
      DeviceKey: deviceKey(3),
      DeviceRememberedStatus: 'not_remembered',
    });
    expect(scripted.cognito.commandCalls(AdminGetDeviceCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: USERNAME,
      DeviceKey: deviceKey(3),
    });
  });

  it('two status writes in one request each read the device afresh after their own write', async () => {
    scripted.cognito.on(AdminUpdateDeviceStatusCommand).resolves({});
    scripted.cognito
      .on(AdminGetDeviceCommand)
      .resolvesOnce({ Device: scriptedDevice(3, 'not_remembered') })
      .resolvesOnce({ Device: scriptedDevice(3, 'remembered') });
    const input = (rememberedStatus: string) => ({ userPoolId: POOL, username: USERNAME, deviceKey: deviceKey(3), rememberedStatus });
    const result = await scripted.query(
      `mutation ($a: AdminUpdateDeviceStatusInput!, $b: AdminUpdateDeviceStatusInput!) {
        a: adminUpdateDeviceStatus(input: $a) { ... on AdminUpdateDeviceStatusPayload { device { attributes { name value } } } }
        b: adminUpdateDeviceStatus(input: $b) { ... on AdminUpdateDeviceStatusPayload { device { attributes { name value } } } }
      }`,
      { a: input('not_remembered'), b: input('remembered') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.a.device.attributes).toEqual(expectedDevice(3, 'not_remembered').attributes);
    expect(result.data!.b.device.attributes).toEqual(expectedDevice(3, 'remembered').attributes);
    expect(sentCommands(scripted)).toEqual(['AdminUpdateDeviceStatus', 'AdminGetDevice', 'AdminUpdateDeviceStatus', 'AdminGetDevice']);
    expect(scripted.cognito.commandCalls(AdminUpdateDeviceStatusCommand).map((call) => call.args[0].input.DeviceRememberedStatus)).toEqual([
      'not_remembered',
      'remembered',
    ]);
  });
});

describe('self-service device writes with the caller’s access token', () => {
  let scripted: Scripted;
  let token: string;
  beforeEach(() => {
    scripted = selfServiceGateway();
    token = userToken();
  });

  const asUser = (query: string, variables?: Record<string, unknown>) => postQuery(scripted.gateway, query, variables, bearer(token));

  it('confirmDevice sends ConfirmDevice with the name and the SRP verifier config', async () => {
    scripted.cognito.on(ConfirmDeviceCommand).resolves({ UserConfirmationNecessary: true });
    const result = await asUser(CONFIRM, {
      input: { deviceKey: deviceKey(11), deviceName: 'Dana’s laptop', passwordVerifier: 'dmVyaWZpZXI=', salt: 'c2FsdA==' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.confirmDevice).toEqual({
      __typename: 'ConfirmDevicePayload',
      deviceKey: deviceKey(11),
      userConfirmationNecessary: true,
    });
    expect(sentCommands(scripted)).toEqual(['ConfirmDevice']);
    expect(scripted.cognito.commandCalls(ConfirmDeviceCommand)[0]!.args[0].input).toEqual({
      AccessToken: token,
      DeviceKey: deviceKey(11),
      DeviceName: 'Dana’s laptop',
      DeviceSecretVerifierConfig: { PasswordVerifier: 'dmVyaWZpZXI=', Salt: 'c2FsdA==' },
    });
  });

  it('confirmDevice without optional fields sends only the token and the key', async () => {
    scripted.cognito.on(ConfirmDeviceCommand).resolves({ UserConfirmationNecessary: false });
    const result = await asUser(CONFIRM, { input: { deviceKey: deviceKey(12) } });
    expect(result.data!.confirmDevice).toEqual({
      __typename: 'ConfirmDevicePayload',
      deviceKey: deviceKey(12),
      userConfirmationNecessary: false,
    });
    expect(scripted.cognito.commandCalls(ConfirmDeviceCommand)[0]!.args[0].input).toEqual({ AccessToken: token, DeviceKey: deviceKey(12) });
  });

  it('forgetDevice sends ForgetDevice with the token and the key', async () => {
    scripted.cognito.on(ForgetDeviceCommand).resolves({});
    const result = await asUser(FORGET, { input: { deviceKey: deviceKey(13) } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.forgetDevice).toEqual({ __typename: 'ForgetDevicePayload', forgottenDeviceKey: deviceKey(13) });
    expect(sentCommands(scripted)).toEqual(['ForgetDevice']);
    expect(scripted.cognito.commandCalls(ForgetDeviceCommand)[0]!.args[0].input).toEqual({ AccessToken: token, DeviceKey: deviceKey(13) });
  });

  it('updateDeviceStatus sends UpdateDeviceStatus, then reads the device back with GetDevice', async () => {
    scripted.cognito.on(UpdateDeviceStatusCommand).resolves({});
    scripted.cognito.on(GetDeviceCommand).resolves({ Device: scriptedDevice(14, 'not_remembered') });
    const result = await asUser(UPDATE_STATUS, { input: { deviceKey: deviceKey(14), rememberedStatus: 'not_remembered' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateDeviceStatus).toEqual({
      __typename: 'UpdateDeviceStatusPayload',
      device: expectedDevice(14, 'not_remembered'),
    });
    expect(sentCommands(scripted)).toEqual(['UpdateDeviceStatus', 'GetDevice']);
    expect(scripted.cognito.commandCalls(UpdateDeviceStatusCommand)[0]!.args[0].input).toEqual({
      AccessToken: token,
      DeviceKey: deviceKey(14),
      DeviceRememberedStatus: 'not_remembered',
    });
    expect(scripted.cognito.commandCalls(GetDeviceCommand)[0]!.args[0].input).toEqual({ AccessToken: token, DeviceKey: deviceKey(14) });
  });
});

describe('refusals before any call', () => {
  const BAD_KEY = 'eu-west-1_NOT-HEX';

  it('a malformed deviceKey is an InvalidInputError naming input.deviceKey, for every device write', async () => {
    const scripted = selfServiceGateway();
    const token = userToken();
    const admin = { userPoolId: POOL, username: USERNAME, deviceKey: BAD_KEY };
    const answers = [
      (await scripted.query(ADMIN_FORGET, { input: admin })).data!.adminForgetDevice,
      (await scripted.query(ADMIN_UPDATE_STATUS, { input: { ...admin, rememberedStatus: 'remembered' } })).data!.adminUpdateDeviceStatus,
      (await postQuery(scripted.gateway, CONFIRM, { input: { deviceKey: BAD_KEY } }, bearer(token))).data!.confirmDevice,
      (await postQuery(scripted.gateway, FORGET, { input: { deviceKey: BAD_KEY } }, bearer(token))).data!.forgetDevice,
      (await postQuery(scripted.gateway, UPDATE_STATUS, { input: { deviceKey: BAD_KEY, rememberedStatus: 'remembered' } }, bearer(token)))
        .data!.updateDeviceStatus,
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({ __typename: 'InvalidInputError', field: 'input.deviceKey', code: 'BAD_USER_INPUT' });
      expect(answer.reason).toMatch(/not valid/);
    }
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('a plain signed-in user may not call adminForgetDevice: FORBIDDEN, no call', async () => {
    const scripted = selfServiceGateway();
    scripted.cognito.on(AdminForgetDeviceCommand).resolves({});
    const result = await postQuery(
      scripted.gateway,
      ADMIN_FORGET,
      { input: { userPoolId: POOL, username: USERNAME, deviceKey: deviceKey(1) } },
      bearer(userToken()),
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(result.errors![0]!.path).toEqual(['adminForgetDevice']);
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('a signed-in member of the admin group may call adminForgetDevice', async () => {
    const scripted = selfServiceGateway();
    // The administrator's rights confirmed with Cognito first: its token still accepted, its user still in the group.
    scripted.cognito
      .on(GetUserCommand)
      .resolves({ Username: USERNAME, UserAttributes: [{ Name: 'sub', Value: SUB }] } satisfies GetUserResponse);
    scripted.cognito
      .on(AdminListGroupsForUserCommand)
      .resolves({ Groups: [{ GroupName: 'admins', UserPoolId: POOL }] } satisfies AdminListGroupsForUserResponse);
    scripted.cognito.on(AdminForgetDeviceCommand).resolves({});
    const result = await postQuery(
      scripted.gateway,
      ADMIN_FORGET,
      { input: { userPoolId: POOL, username: USERNAME, deviceKey: deviceKey(1) } },
      bearer(userToken(['admins'])),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminForgetDevice).toEqual({ __typename: 'AdminForgetDevicePayload', forgottenDeviceKey: deviceKey(1) });
    expect(scripted.cognito.commandCalls(AdminForgetDeviceCommand)).toHaveLength(1);
  });

  it('an anonymous caller may not call forgetDevice: UNAUTHENTICATED, no call', async () => {
    const scripted = selfServiceGateway();
    const result = await postQuery(scripted.gateway, FORGET, { input: { deviceKey: deviceKey(1) } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

import { ResourceNotFoundException, type DeviceType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { getUserDevice, getViewerDevice, listUserDevices, listViewerDevices } from '../../../src/resolvers/devices';
import { pagedList, scriptedContext, userCaller } from '../../support/scripted-call';

const pool = 'eu-west-1_Pool1';
const seen = new Date(Date.UTC(2024, 0, 1));
const deviceKey = (n: number) => `eu-west-1_0a1b2c3d-0000-4000-8000-00000000000${n}`;

const device = (n: number): DeviceType => ({
  DeviceKey: deviceKey(n),
  DeviceAttributes: [{ Name: 'device_name', Value: `laptop ${n}` }],
  DeviceCreateDate: seen,
  DeviceLastModifiedDate: seen,
  DeviceLastAuthenticatedDate: seen,
});

const deviceRecord = (n: number, owner = { userPoolId: pool, username: 'grace' }) => ({
  ...owner,
  deviceKey: deviceKey(n),
  attributes: [{ name: 'device_name', value: `laptop ${n}` }],
  createdAt: seen,
  updatedAt: seen,
  lastAuthenticatedAt: seen,
});

const notFound = () => new ResourceNotFoundException({ message: 'Device does not exist.', $metadata: {} });

describe('listUserDevices', () => {
  it('reads AdminListDevices of the user and follows PaginationToken', async () => {
    const { ctx, calls } = scriptedContext({
      AdminListDevices: pagedList('AdminListDevices', [{ items: [device(1)], next: 'more-devices' }, { items: [device(2)] }]),
    });

    const devices = await listUserDevices(ctx, { userPoolId: pool, username: 'grace' }, {});

    expect(calls).toEqual([
      { operation: 'AdminListDevices', input: { UserPoolId: pool, Username: 'grace', Limit: 60 } },
      { operation: 'AdminListDevices', input: { UserPoolId: pool, Username: 'grace', Limit: 60, PaginationToken: 'more-devices' } },
    ]);
    expect(devices.edges.map((edge) => edge.node)).toEqual([deviceRecord(1), deviceRecord(2)]);
  });

  it('serves a later getUserDevice of a listed device without AdminGetDevice', async () => {
    const { ctx, operations } = scriptedContext({ AdminListDevices: pagedList('AdminListDevices', [{ items: [device(1)] }]) });
    await listUserDevices(ctx, { userPoolId: pool, username: 'grace' }, {});

    expect(await getUserDevice(ctx, { userPoolId: pool, username: 'grace', deviceKey: deviceKey(1) })).toEqual(deviceRecord(1));
    expect(operations()).toEqual(['AdminListDevices']);
  });
});

describe('getUserDevice', () => {
  it('reads AdminGetDevice', async () => {
    const { ctx, calls } = scriptedContext({ AdminGetDevice: () => ({ Device: device(1) }) });

    expect(await getUserDevice(ctx, { userPoolId: pool, username: 'grace', deviceKey: deviceKey(1) })).toEqual(deviceRecord(1));
    expect(calls).toEqual([{ operation: 'AdminGetDevice', input: { UserPoolId: pool, Username: 'grace', DeviceKey: deviceKey(1) } }]);
  });

  it('answers null for a device Cognito does not know', async () => {
    const { ctx } = scriptedContext({
      AdminGetDevice: () => {
        throw notFound();
      },
    });

    expect(await getUserDevice(ctx, { userPoolId: pool, username: 'grace', deviceKey: deviceKey(9) })).toBeNull();
  });
});

describe('the signed-in user’s own devices', () => {
  // Another pool than the administrative tests': the owner must come from the caller's token.
  const caller = userCaller({ userPoolId: 'eu-west-1_Pool2', username: 'ada' });
  const ada = { userPoolId: 'eu-west-1_Pool2', username: 'ada' };

  it('listViewerDevices reads ListDevices with the caller’s access token', async () => {
    const { ctx, calls } = scriptedContext(
      { ListDevices: pagedList('ListDevices', [{ items: [device(1)], next: 'more-devices' }, { items: [device(2)] }]) },
      { caller },
    );

    const devices = await listViewerDevices(ctx, {});

    expect(calls).toEqual([
      { operation: 'ListDevices', input: { AccessToken: 'token-of-ada', Limit: 60 } },
      { operation: 'ListDevices', input: { AccessToken: 'token-of-ada', Limit: 60, PaginationToken: 'more-devices' } },
    ]);
    expect(devices.edges.map((edge) => edge.node)).toEqual([deviceRecord(1, ada), deviceRecord(2, ada)]);
  });

  it('getViewerDevice reads GetDevice with the caller’s access token', async () => {
    const { ctx, calls } = scriptedContext({ GetDevice: () => ({ Device: device(1) }) }, { caller });

    expect(await getViewerDevice(ctx, deviceKey(1))).toEqual(deviceRecord(1, ada));
    expect(calls).toEqual([{ operation: 'GetDevice', input: { AccessToken: 'token-of-ada', DeviceKey: deviceKey(1) } }]);
  });

  it('getViewerDevice answers null for a device Cognito does not know', async () => {
    const { ctx } = scriptedContext(
      {
        GetDevice: () => {
          throw notFound();
        },
      },
      { caller },
    );

    expect(await getViewerDevice(ctx, deviceKey(9))).toBeNull();
  });

  it('are never read without a signed-in user', async () => {
    const { ctx, calls } = scriptedContext({});

    await expect(listViewerDevices(ctx, {})).rejects.toThrow(/without a verified access token/);
    await expect(getViewerDevice(ctx, deviceKey(1))).rejects.toThrow(/without a verified access token/);
    expect(calls).toEqual([]);
  });
});

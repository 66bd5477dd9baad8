import type { DeviceRememberedStatusType } from '@aws-sdk/client-cognito-identity-provider';
import { primeDevices } from '../cognito/loaders';
import { parseDevice } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { checkIdentifier } from '../domain/identifiers';
import type { DeviceKey, UserKey } from '../domain/keys';
import type { DeviceRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { userTarget } from './users';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';
import { signedInUser } from './signed-in';

/** Devices a user remembered: read by administrators, or by the user itself with its token. */
export async function listUserDevices(ctx: GatewayContext, user: UserKey, args: ConnectionArgs): Promise<RelayConnection<DeviceRecord>> {
  const input = { UserPoolId: user.userPoolId, Username: user.username };
  return listRecords(ctx, 'AdminListDevices', input, args, (device) => parseDevice(user, device), primeDevices);
}

export async function getUserDevice(ctx: GatewayContext, key: DeviceKey): Promise<DeviceRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('username', key.username);
  checkIdentifier('deviceKey', key.deviceKey);
  return nullIfNotFound(ctx.loaders.device.load(key));
}

function viewer(ctx: GatewayContext) {
  const { AccessToken, userPoolId, username } = signedInUser(ctx);
  return { AccessToken, owner: { userPoolId, username } };
}

export async function listViewerDevices(ctx: GatewayContext, args: ConnectionArgs): Promise<RelayConnection<DeviceRecord>> {
  const { AccessToken, owner } = viewer(ctx);
  return listRecords(ctx, 'ListDevices', { AccessToken }, args, (device) => parseDevice(owner, device));
}

export async function getViewerDevice(ctx: GatewayContext, deviceKey: string): Promise<DeviceRecord | null> {
  checkIdentifier('deviceKey', deviceKey);
  const { AccessToken, owner } = viewer(ctx);
  const output = await nullIfNotFound(ctx.call('GetDevice', { AccessToken, DeviceKey: deviceKey }));
  return output?.Device ? parseDevice(owner, output.Device) : null;
}

export interface AdminDeviceInput {
  userPoolId: string;
  username: string;
  deviceKey: string;
}

function checkDeviceInput(input: AdminDeviceInput) {
  return {
    ...userTarget(input),
    DeviceKey: checkIdentifier('deviceKey', input.deviceKey, 'input.deviceKey'),
  };
}

export async function adminForgetDevice(ctx: GatewayContext, input: AdminDeviceInput) {
  await ctx.call('AdminForgetDevice', checkDeviceInput(input));
  return { forgottenDeviceKey: input.deviceKey };
}

export async function adminUpdateDeviceStatus(
  ctx: GatewayContext,
  input: AdminDeviceInput & { rememberedStatus: DeviceRememberedStatusType },
) {
  await ctx.call('AdminUpdateDeviceStatus', { ...checkDeviceInput(input), DeviceRememberedStatus: input.rememberedStatus });
  // The payload reads the device afresh only if the client asks for it.
  return { deviceKey: { userPoolId: input.userPoolId, username: input.username, deviceKey: input.deviceKey } };
}

export interface ConfirmDeviceInput {
  deviceKey: string;
  deviceName?: string | null;
  passwordVerifier?: string | null;
  salt?: string | null;
}

export function confirmDevice(ctx: GatewayContext, input: ConfirmDeviceInput) {
  return confirmDeviceWithToken(ctx, viewer(ctx).AccessToken, input);
}

/** ConfirmDevice with a given access token: the caller's own, or that of a sign-in the gateway completes (device-tracking.ts). */
export async function confirmDeviceWithToken(ctx: GatewayContext, AccessToken: string, input: ConfirmDeviceInput) {
  checkIdentifier('deviceKey', input.deviceKey, 'input.deviceKey');
  const verifier = input.passwordVerifier && input.salt ? { PasswordVerifier: input.passwordVerifier, Salt: input.salt } : undefined;
  const output = await ctx.call('ConfirmDevice', {
    AccessToken,
    DeviceKey: input.deviceKey,
    ...(input.deviceName ? { DeviceName: input.deviceName } : {}),
    ...(verifier ? { DeviceSecretVerifierConfig: verifier } : {}),
  });
  return { deviceKey: input.deviceKey, userConfirmationNecessary: output.UserConfirmationNecessary ?? false };
}

export async function forgetDevice(ctx: GatewayContext, input: { deviceKey: string }) {
  const { AccessToken } = viewer(ctx);
  await ctx.call('ForgetDevice', { AccessToken, DeviceKey: checkIdentifier('deviceKey', input.deviceKey, 'input.deviceKey') });
  return { forgottenDeviceKey: input.deviceKey };
}

export async function updateDeviceStatus(ctx: GatewayContext, input: { deviceKey: string; rememberedStatus: DeviceRememberedStatusType }) {
  const { AccessToken } = viewer(ctx);
  const DeviceKey = checkIdentifier('deviceKey', input.deviceKey, 'input.deviceKey');
  await ctx.call('UpdateDeviceStatus', { AccessToken, DeviceKey, DeviceRememberedStatus: input.rememberedStatus });
  return { deviceKey: input.deviceKey };
}

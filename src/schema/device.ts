import type { CognitoException } from '../domain/codes';
import { loadDeviceNodes } from '../resolvers/nodes';
import {
  adminForgetDevice,
  adminUpdateDeviceStatus,
  confirmDevice,
  forgetDevice,
  getUserDevice,
  getViewerDevice,
  listViewerDevices,
  updateDeviceStatus,
} from '../resolvers/devices';
import { listUserDevices } from '../resolvers/devices';
import { getUser } from '../resolvers/users';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { joinKeyParts } from './natural-keys';
import { DeviceConnection, DeviceRef, UserRef } from './refs';
import { UserAttribute } from './user';
import { Viewer } from './viewer';

const admin = { authScopes: { admin: true } } as const;
const signedIn = { authScopes: { signedIn: true } } as const;

builder.node(DeviceRef, {
  loadMany: loadDeviceNodes,
  description: 'A device a user let Cognito remember, known by (userPoolId, username, deviceKey).',
  id: { resolve: (device) => joinKeyParts([device.userPoolId, device.username, device.deviceKey]) },
  fields: (t) => ({
    deviceKey: t.exposeString('deviceKey'),
    name: t.string({ nullable: true, resolve: (d) => d.attributes.find((a) => a.name === 'device_name')?.value }),
    attributes: t.field({ type: [UserAttribute], resolve: (d) => d.attributes }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.createdAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.updatedAt }),
    lastAuthenticatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.lastAuthenticatedAt }),
    user: t.field({
      ...admin,
      type: UserRef,
      nullable: true,
      description: 'The owner (administrators only).',
      resolve: (d, _, ctx) => getUser(ctx, d),
    }),
  }),
});

builder.objectFields(UserRef, (t) => ({
  devices: t.connection(
    {
      type: DeviceRef,
      nullable: true,
      description: 'Devices the user remembered (AdminListDevices).',
      resolve: (user, args, ctx) => listUserDevices(ctx, user, args),
    },
    DeviceConnection,
  ),
  device: t.field({
    type: DeviceRef,
    nullable: true,
    args: { deviceKey: t.arg.string({ required: true }) },
    description: 'One of the user’s devices (AdminGetDevice); null when there is none.',
    resolve: (user, args, ctx) => getUserDevice(ctx, { ...user, deviceKey: args.deviceKey }),
  }),
}));

builder.objectFields(Viewer, (t) => ({
  devices: t.connection(
    {
      type: DeviceRef,
      nullable: true,
      description: 'Your remembered devices (ListDevices).',
      resolve: (_, args, ctx) => listViewerDevices(ctx, args),
    },
    DeviceConnection,
  ),
  device: t.field({
    type: DeviceRef,
    nullable: true,
    args: { deviceKey: t.arg.string({ required: true }) },
    description: 'One of your devices (GetDevice); null when there is none.',
    resolve: (_, args, ctx) => getViewerDevice(ctx, args.deviceKey),
  }),
}));

const DeviceRememberedStatus = builder.enumType('DeviceRememberedStatus', { values: ['remembered', 'not_remembered'] as const });
const deviceErrors: CognitoException[] = [
  'ResourceNotFoundException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'UserNotFoundException',
  'InvalidUserPoolConfigurationException',
];

builder.relayMutationField(
  'adminForgetDevice',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      username: t.string({ required: true }),
      deviceKey: t.string({ required: true }),
    }),
  },
  {
    ...admin,
    description: 'Forgets a user’s device (AdminForgetDevice).',
    errors: { types: cognitoErrors(...deviceErrors) },
    resolve: (_, { input }, ctx) => adminForgetDevice(ctx, input),
  },
  { outputFields: (t) => ({ forgottenDeviceKey: t.exposeString('forgottenDeviceKey') }) },
);

builder.relayMutationField(
  'adminUpdateDeviceStatus',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      username: t.string({ required: true }),
      deviceKey: t.string({ required: true }),
      rememberedStatus: t.field({ type: DeviceRememberedStatus, required: true }),
    }),
  },
  {
    ...admin,
    description: 'Marks a user’s device remembered or not (AdminUpdateDeviceStatus).',
    errors: { types: cognitoErrors(...deviceErrors) },
    resolve: (_, { input }, ctx) => adminUpdateDeviceStatus(ctx, input),
  },
  {
    outputFields: (t) => ({
      device: t.field({ type: DeviceRef, nullable: true, resolve: (p, _, ctx) => getUserDevice(ctx, p.deviceKey) }),
    }),
  },
);

builder.relayMutationField(
  'confirmDevice',
  {
    inputFields: (t) => ({
      deviceKey: t.string({ required: true }),
      deviceName: t.string({ required: false }),
      passwordVerifier: t.string({ required: false, description: 'SRP verifier of the device secret, with salt.' }),
      salt: t.string({ required: false }),
    }),
  },
  {
    ...signedIn,
    description: 'Confirms a new device of the signed-in user (ConfirmDevice).',
    errors: { types: cognitoErrors(...deviceErrors, 'UsernameExistsException') },
    resolve: (_, { input }, ctx) => confirmDevice(ctx, input),
  },
  {
    outputFields: (t) => ({
      deviceKey: t.exposeString('deviceKey'),
      userConfirmationNecessary: t.exposeBoolean('userConfirmationNecessary'),
    }),
  },
);

builder.relayMutationField(
  'forgetDevice',
  { inputFields: (t) => ({ deviceKey: t.string({ required: true }) }) },
  {
    ...signedIn,
    description: 'Forgets one of the signed-in user’s devices (ForgetDevice).',
    errors: { types: cognitoErrors(...deviceErrors) },
    resolve: (_, { input }, ctx) => forgetDevice(ctx, input),
  },
  { outputFields: (t) => ({ forgottenDeviceKey: t.exposeString('forgottenDeviceKey') }) },
);

builder.relayMutationField(
  'updateDeviceStatus',
  {
    inputFields: (t) => ({
      deviceKey: t.string({ required: true }),
      rememberedStatus: t.field({ type: DeviceRememberedStatus, required: true }),
    }),
  },
  {
    ...signedIn,
    description: 'Marks one of the signed-in user’s devices remembered or not (UpdateDeviceStatus).',
    errors: { types: cognitoErrors(...deviceErrors) },
    resolve: (_, { input }, ctx) => updateDeviceStatus(ctx, input),
  },
  {
    outputFields: (t) => ({
      device: t.field({ type: DeviceRef, nullable: true, resolve: (p, _, ctx) => getViewerDevice(ctx, p.deviceKey) }),
    }),
  },
);

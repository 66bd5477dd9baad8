import type { NewDeviceRecord, SignInStepRecord } from '../domain/records';
import { builder, type BuilderTypes } from './builder';

/**
 * Device tracking within sign-in (src/resolvers/device-tracking.ts): the device a sign-in makes,
 * returned once, and the same device given back at a later sign-in.
 */

const NewDevice = builder.objectRef<NewDeviceRecord>('NewDevice').implement({
  description:
    'A device this sign-in made and the gateway confirmed (ConfirmDevice), returned once: keep all three values, `password` as secretly as a refresh token, and pass them as `device` at later sign-ins. Not on the embedded emulator (cognito-local makes no devices).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The device key (DEVICE_KEY).' }),
    groupKey: t.exposeString('groupKey'),
    password: t.exposeString('password', { description: 'The device’s secret; the gateway keeps no copy and cannot show it again.' }),
    userConfirmationNecessary: t.exposeBoolean('userConfirmationNecessary', {
      description:
        'The pool remembers the device only if the user says so: then call updateDeviceStatus(REMEMBERED) with the new access token.',
    }),
  }),
});

export const RememberedDeviceInput = builder.inputType('RememberedDeviceInput', {
  description: 'A device an earlier sign-in returned as `newDevice`.',
  fields: (t) => ({
    key: t.string({ required: true }),
    groupKey: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

/** The device inputs of a sign-in's first step. */
export function signInDeviceFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    device: t.field({
      type: RememberedDeviceInput,
      required: false,
      description:
        'A device an earlier sign-in returned: the gateway sends its DEVICE_KEY and answers Cognito’s device challenges (DEVICE_SRP_AUTH) itself, so a remembered device skips MFA as the pool allows. Required for REFRESH_TOKEN_AUTH with tokens of a tracked device.',
    }),
    ...deviceNameField(t),
  };
}

/** The name of a device a sign-in step may make (every step may complete the sign-in). */
export function deviceNameField(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    deviceName: t.string({ required: false, description: 'The name a new device gets, when the pool remembers devices.' }),
  };
}

export function newDeviceField(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, SignInStepRecord>) {
  return t.field({
    type: NewDevice,
    nullable: true,
    description: 'Set once, when the sign-in completed with a new device of a pool that remembers devices.',
    resolve: (step) => step.newDevice ?? null,
  });
}

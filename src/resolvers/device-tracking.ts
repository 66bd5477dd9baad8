import { parseSignInStep } from '../cognito/parse';
import { withoutSrpValues } from '../cognito/redaction';
import { GatewayError } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { NewDeviceRecord, SignInStepRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { confirmDeviceWithToken } from './devices';
import { srpStep, type SignInAnswer, type SignInChannel } from './srp-sign-in';

/**
 * Device tracking, for pools that remember devices: the gateway confirms the device a sign-in
 * creates (with a device password and SRP verifier it makes) and hands the caller, once, what to
 * keep; on a later sign-in with that device it answers Cognito's device challenges itself
 * (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER), so the caller sees only tokens or an MFA challenge.
 * See "Working with user devices in your user pool" in the Cognito developer guide.
 */

/** A device a sign-in returned: its key, its group, and the password only its holder knows. */
export interface RememberedDevice {
  key: string;
  groupKey: string;
  password: string;
}

/** The device input of a sign-in, checked; undefined when none is given. */
export function checkRememberedDevice(input: RememberedDevice | null | undefined, field = 'input.device'): RememberedDevice | undefined {
  if (input == null) return undefined;
  return {
    key: checkIdentifier('deviceKey', input.key, `${field}.key`),
    groupKey: checkIdentifier('deviceGroupKey', input.groupKey, `${field}.groupKey`),
    password: checkIdentifier('devicePassword', input.password, `${field}.password`),
  };
}

/**
 * Answers DEVICE_SRP_AUTH and then DEVICE_PASSWORD_VERIFIER, when Cognito asks: it does after the
 * password step of a sign-in that named a device (DEVICE_KEY). Anything else passes unchanged.
 */
export async function answerDeviceChallenges(
  channel: SignInChannel,
  answer: SignInAnswer,
  signIn: { username: string; device: RememberedDevice | undefined },
): Promise<SignInAnswer> {
  if (answer.ChallengeName !== 'DEVICE_SRP_AUTH') return answer;
  const { device } = signIn;
  if (!device) {
    throw new GatewayError(
      'COGNITO_BAD_RESPONSE',
      'Cognito asked for a device proof (DEVICE_SRP_AUTH) for a sign-in that named no device.',
      {
        operation: 'SRP',
      },
    );
  }
  const username = answer.ChallengeParameters?.['USERNAME'] ?? signIn.username;
  const session = await srpStep('createSrpSession', username, device.password, channel.userPoolId, true);
  const challenge = await channel.respond('DEVICE_SRP_AUTH', answer.Session, {
    USERNAME: username,
    DEVICE_KEY: device.key,
    SRP_A: session.largeA,
    ...channel.secretHash(username),
  });
  if (challenge.ChallengeName !== 'DEVICE_PASSWORD_VERIFIER') return challenge;
  // The device being proven is the one named; Cognito need not repeat its key in the challenge.
  const parameters = { ...challenge.ChallengeParameters, DEVICE_KEY: device.key };
  const signed = await srpStep('signSrpSessionWithDevice', session, { ChallengeParameters: parameters }, device.groupKey, device.password);
  return channel.respond('DEVICE_PASSWORD_VERIFIER', challenge.Session, {
    USERNAME: username,
    PASSWORD_CLAIM_SECRET_BLOCK: signed.secret,
    PASSWORD_CLAIM_SIGNATURE: signed.passwordSignature,
    TIMESTAMP: signed.timestamp,
    DEVICE_KEY: device.key,
    ...channel.secretHash(username),
  });
}

/**
 * The step a sign-in reached, for its caller; when it completed with a new device
 * (NewDeviceMetadata), that device confirmed (ConfirmDevice with the new access token) and
 * returned once to keep. A device that cannot be confirmed is logged by its error code and left
 * out: the sign-in itself succeeded, and Cognito offers a new device at the next one.
 */
export async function completeSignInStep(ctx: GatewayContext, answer: SignInAnswer, deviceName?: string | null): Promise<SignInStepRecord> {
  const step = parseSignInStep(withoutSrpValues(answer));
  const metadata = answer.AuthenticationResult?.NewDeviceMetadata;
  const accessToken = answer.AuthenticationResult?.AccessToken;
  if (!metadata?.DeviceKey || !metadata.DeviceGroupKey || !accessToken) return step;
  return { ...step, newDevice: await confirmNewDevice(ctx, accessToken, metadata.DeviceKey, metadata.DeviceGroupKey, deviceName) };
}

async function confirmNewDevice(
  ctx: GatewayContext,
  accessToken: string,
  key: string,
  groupKey: string,
  deviceName: string | null | undefined,
): Promise<NewDeviceRecord | null> {
  try {
    const { DeviceRandomPassword, DeviceSecretVerifierConfig } = await srpStep('createDeviceVerifier', key, groupKey);
    const confirmed = await confirmDeviceWithToken(ctx, accessToken, {
      deviceKey: key,
      deviceName,
      passwordVerifier: DeviceSecretVerifierConfig.PasswordVerifier ?? null,
      salt: DeviceSecretVerifierConfig.Salt ?? null,
    });
    return { key, groupKey, password: DeviceRandomPassword, userConfirmationNecessary: confirmed.userConfirmationNecessary };
  } catch (error) {
    const code = error instanceof GatewayError ? (error.exception ?? error.code) : 'an unexpected error';
    ctx.logger.warn(`a sign-in's new device could not be confirmed (${code}): its tokens are returned without the device`);
    return null;
  }
}

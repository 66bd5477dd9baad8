import type { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { parseCodeDelivery } from '../cognito/parse';
import { invalidInput } from '../domain/gateway-error';
import { checkAttributes, checkIdentifier, type AttributeInput } from '../domain/identifiers';
import type { CodeDeliveryRecord, SignInStepRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { checkRememberedDevice, completeSignInStep, type RememberedDevice } from './device-tracking';
import { adminChannel, deviceKeyParameter, passwordSignIn, preferPasswordSrp, publicChannel, selectPasswordSrp } from './srp-sign-in';

/**
 * The public flows: sign-up, sign-in and password recovery, for anonymous callers. Each names an
 * app client the gateway serves (it adds SECRET_HASH itself) and is rate-limited per client
 * address and per username, since every call spends the account's Cognito authentication quota
 * and may be a guess at one account. Their answers do not tell whether a user exists
 * (ctx.userExistence, PREVENT_USER_EXISTENCE_ERRORS).
 */
interface PublicInput {
  clientId: string;
  username: string;
}

/** Exported for the MFA set-up inside sign-in (resolvers/mfa.ts), which is a public flow too. */
export async function publicFlow(ctx: GatewayContext, input: PublicInput) {
  const client = ctx.appClients.require(input.clientId, 'input.clientId');
  checkIdentifier('username', input.username, 'input.username');
  await ctx.publicFlows.consume({ clientAddress: ctx.clientAddress, userPoolId: client.userPoolId, username: input.username });
  const secretHash = ctx.appClients.secretHash(client, input.username);
  return {
    userPoolId: client.userPoolId,
    request: { ClientId: client.clientId, Username: input.username, ...(secretHash ? { SecretHash: secretHash } : {}) },
  };
}

export interface SignUpInput extends PublicInput {
  password: string;
  attributes?: AttributeInput[] | null;
  validationData?: AttributeInput[] | null;
}

export async function signUp(ctx: GatewayContext, input: SignUpInput) {
  checkIdentifier('password', input.password, 'input.password');
  const UserAttributes = checkAttributes(input.attributes ?? [], 'input.attributes');
  const ValidationData = checkAttributes(input.validationData ?? [], 'input.validationData');
  const { request } = await publicFlow(ctx, input);
  const output = await ctx.call('SignUp', { ...request, Password: input.password, UserAttributes, ValidationData });
  return {
    userConfirmed: output.UserConfirmed ?? false,
    userSub: output.UserSub ?? '',
    codeDelivery: parseCodeDelivery(output.CodeDeliveryDetails),
  };
}

export async function confirmSignUp(ctx: GatewayContext, input: PublicInput & { confirmationCode: string }) {
  checkIdentifier('confirmationCode', input.confirmationCode, 'input.confirmationCode');
  const { request } = await publicFlow(ctx, input);
  await ctx.userExistence.failingAlike('confirmSignUp', () =>
    ctx.call('ConfirmSignUp', { ...request, ConfirmationCode: input.confirmationCode }),
  );
  return { username: input.username, confirmed: true };
}

export async function resendConfirmationCode(
  ctx: GatewayContext,
  input: PublicInput,
): Promise<{ codeDelivery: CodeDeliveryRecord | null }> {
  const { userPoolId, request } = await publicFlow(ctx, input);
  const codeDelivery = await ctx.userExistence.sendingAlike('resendConfirmationCode', { userPoolId, username: input.username }, async () =>
    parseCodeDelivery((await ctx.call('ResendConfirmationCode', request)).CodeDeliveryDetails),
  );
  return { codeDelivery };
}

export async function forgotPassword(ctx: GatewayContext, input: PublicInput): Promise<{ codeDelivery: CodeDeliveryRecord | null }> {
  const { userPoolId, request } = await publicFlow(ctx, input);
  const codeDelivery = await ctx.userExistence.sendingAlike('forgotPassword', { userPoolId, username: input.username }, async () =>
    parseCodeDelivery((await ctx.call('ForgotPassword', request)).CodeDeliveryDetails),
  );
  return { codeDelivery };
}

export async function confirmForgotPassword(ctx: GatewayContext, input: PublicInput & { confirmationCode: string; password: string }) {
  checkIdentifier('confirmationCode', input.confirmationCode, 'input.confirmationCode');
  checkIdentifier('password', input.password, 'input.password');
  const { request } = await publicFlow(ctx, input);
  await ctx.userExistence.failingAlike('confirmForgotPassword', () =>
    ctx.call('ConfirmForgotPassword', { ...request, ConfirmationCode: input.confirmationCode, Password: input.password }),
  );
  return { username: input.username, passwordChanged: true };
}

export type SignInFlow = 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'USER_AUTH' | 'REFRESH_TOKEN_AUTH';

/** AuthParameters proving who signs in: a password, or a refresh token, as the flow asks. */
function credentialParameters(
  flow: string,
  input: { password?: string | null; refreshToken?: string | null; preferredChallenge?: string | null },
): Record<string, string> {
  if (flow === 'REFRESH_TOKEN_AUTH') {
    if (input.refreshToken == null) throw invalidInput('input.refreshToken', 'is required for REFRESH_TOKEN_AUTH');
    return { REFRESH_TOKEN: checkIdentifier('token', input.refreshToken, 'input.refreshToken') };
  }
  if (flow === 'USER_AUTH' && input.preferredChallenge !== 'PASSWORD_SRP') {
    throw invalidInput('input.preferredChallenge', 'must be PASSWORD_SRP for USER_AUTH through this gateway');
  }
  if (input.password == null) throw invalidInput('input.password', `is required for ${flow}`);
  return { PASSWORD: checkIdentifier('password', input.password, 'input.password') };
}

/** What a sign-in with a remembered device adds (device-tracking.ts, h13). */
interface DeviceInput {
  /** The device an earlier sign-in returned (newDevice): DEVICE_KEY, and the device's proof when Cognito asks. */
  device?: RememberedDevice | null;
  /** The name ConfirmDevice gives a new device this sign-in makes. */
  deviceName?: string | null;
}

export interface InitiateAuthInput extends PublicInput, DeviceInput {
  authFlow: SignInFlow;
  password?: string | null;
  refreshToken?: string | null;
  /** USER_AUTH: the challenge to go to first. */
  preferredChallenge?: string | null;
}

export async function initiateAuth(ctx: GatewayContext, input: InitiateAuthInput): Promise<SignInStepRecord> {
  const parameters = credentialParameters(input.authFlow, input);
  const device = checkRememberedDevice(input.device);
  checkDeviceName(input.deviceName);
  const { request } = await publicFlow(ctx, input);
  const client = ctx.appClients.require(input.clientId, 'input.clientId');
  const channel = publicChannel(ctx, client);
  const attempt = { username: input.username, password: parameters['PASSWORD'] ?? '', device };
  const output = await ctx.userExistence.failingAlike(input.authFlow === 'REFRESH_TOKEN_AUTH' ? 'refreshSignIn' : 'passwordSignIn', () => {
    if (input.authFlow === 'USER_AUTH') return preferPasswordSrp(channel, attempt);
    if (input.authFlow !== 'REFRESH_TOKEN_AUTH') return passwordSignIn(ctx, channel, client, input.authFlow, attempt);
    return ctx.call('InitiateAuth', {
      ClientId: request.ClientId,
      AuthFlow: input.authFlow,
      AuthParameters: { USERNAME: input.username, ...parameters, ...channel.secretHash(input.username), ...deviceKeyParameter(device) },
    });
  });
  return completeSignInStep(ctx, output, input.deviceName);
}

function checkDeviceName(name: string | null | undefined): void {
  if (name != null) checkIdentifier('description', name, 'input.deviceName');
}

/** Which input answers each challenge, and under which ChallengeResponses key. */
const challengeAnswers: Partial<Record<ChallengeNameType, { from: 'newPassword' | 'code' | 'answer'; key: string }>> = {
  NEW_PASSWORD_REQUIRED: { from: 'newPassword', key: 'NEW_PASSWORD' },
  SMS_MFA: { from: 'code', key: 'SMS_MFA_CODE' },
  SOFTWARE_TOKEN_MFA: { from: 'code', key: 'SOFTWARE_TOKEN_MFA_CODE' },
  EMAIL_OTP: { from: 'code', key: 'EMAIL_OTP_CODE' },
  SELECT_MFA_TYPE: { from: 'answer', key: 'ANSWER' },
  CUSTOM_CHALLENGE: { from: 'answer', key: 'ANSWER' },
  SELECT_CHALLENGE: { from: 'answer', key: 'ANSWER' },
};

export const answerableChallenges = Object.keys(challengeAnswers) as ChallengeNameType[];

export interface RespondToAuthChallengeInput extends PublicInput, Omit<DeviceInput, 'device'> {
  challengeName: ChallengeNameType;
  session: string;
  newPassword?: string | null;
  code?: string | null;
  answer?: string | null;
  /** SELECT_CHALLENGE answered with PASSWORD_SRP: the password the gateway proves with SRP. */
  password?: string | null;
  /** Required attributes a NEW_PASSWORD_REQUIRED challenge asks for. */
  attributes?: AttributeInput[] | null;
}

/** ChallengeResponses for an answer, checked; SECRET_HASH is the caller's to add. */
function challengeResponses(input: Omit<RespondToAuthChallengeInput, 'clientId'>): Record<string, string> {
  const answer = challengeAnswers[input.challengeName];
  if (!answer) throw invalidInput('input.challengeName', `${input.challengeName} is not answered through this gateway`);
  const value = input[answer.from];
  if (value == null) throw invalidInput(`input.${answer.from}`, `is required to answer ${input.challengeName}`);
  checkIdentifier(answer.from === 'newPassword' ? 'password' : 'confirmationCode', value, `input.${answer.from}`);
  checkIdentifier('session', input.session, 'input.session');
  const responses: Record<string, string> = { USERNAME: input.username, [answer.key]: value };
  for (const { Name, Value } of checkAttributes(input.attributes ?? [], 'input.attributes')) responses[`userAttributes.${Name}`] = Value;
  return responses;
}

export async function respondToAuthChallenge(ctx: GatewayContext, input: RespondToAuthChallengeInput): Promise<SignInStepRecord> {
  const responses = challengeResponses(input);
  const srpPassword = passwordSrpChoice(input);
  checkDeviceName(input.deviceName);
  const { request } = await publicFlow(ctx, input);
  if (request.SecretHash) responses['SECRET_HASH'] = request.SecretHash;
  const channel = publicChannel(ctx, ctx.appClients.require(input.clientId, 'input.clientId'));
  const output = await ctx.userExistence.failingAlike('challengeAnswer', () =>
    srpPassword !== undefined
      ? selectPasswordSrp(channel, { username: input.username, password: srpPassword }, input.session)
      : ctx.call('RespondToAuthChallenge', {
          ClientId: request.ClientId,
          ChallengeName: input.challengeName,
          Session: input.session,
          ChallengeResponses: responses,
        }),
  );
  return completeSignInStep(ctx, output, input.deviceName);
}

/** The password of a SELECT_CHALLENGE answered with PASSWORD_SRP (which the gateway runs), checked; otherwise undefined. */
function passwordSrpChoice(input: Pick<RespondToAuthChallengeInput, 'challengeName' | 'answer' | 'password'>): string | undefined {
  if (input.challengeName !== 'SELECT_CHALLENGE' || input.answer !== 'PASSWORD_SRP') return undefined;
  if (input.password == null) throw invalidInput('input.password', 'is required to answer SELECT_CHALLENGE with PASSWORD_SRP');
  return checkIdentifier('password', input.password, 'input.password');
}

// ---------------------------------------------------------------------------------------------
// Server-side sign-in (AdminInitiateAuth, AdminRespondToAuthChallenge): administrators only.
// Any app client of the pool may be named; SECRET_HASH is added when the gateway knows the secret.
// ---------------------------------------------------------------------------------------------

function adminSecretHash(ctx: GatewayContext, clientId: string, username: string): Record<string, string> {
  const client = ctx.appClients.find(clientId);
  const hash = client ? ctx.appClients.secretHash(client, username) : undefined;
  return hash ? { SECRET_HASH: hash } : {};
}

export interface AdminInitiateAuthInput extends DeviceInput {
  userPoolId: string;
  clientId: string;
  username: string;
  authFlow: 'ADMIN_USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'REFRESH_TOKEN_AUTH';
  password?: string | null;
  refreshToken?: string | null;
}

export async function adminInitiateAuth(ctx: GatewayContext, input: AdminInitiateAuthInput): Promise<SignInStepRecord> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  checkIdentifier('username', input.username, 'input.username');
  const credentials = credentialParameters(input.authFlow, input);
  const device = checkRememberedDevice(input.device);
  checkDeviceName(input.deviceName);
  const channel = adminChannel(ctx, UserPoolId, ClientId);
  const output =
    input.authFlow === 'REFRESH_TOKEN_AUTH'
      ? await ctx.call('AdminInitiateAuth', {
          UserPoolId,
          ClientId,
          AuthFlow: input.authFlow,
          AuthParameters: {
            USERNAME: input.username,
            ...credentials,
            ...adminSecretHash(ctx, ClientId, input.username),
            ...deviceKeyParameter(device),
          },
        })
      : await passwordSignIn(ctx, channel, { userPoolId: UserPoolId, clientId: ClientId }, input.authFlow, {
          username: input.username,
          password: credentials['PASSWORD'] ?? '',
          device,
        });
  return completeSignInStep(ctx, output, input.deviceName);
}

export async function adminRespondToAuthChallenge(
  ctx: GatewayContext,
  input: Omit<RespondToAuthChallengeInput, 'clientId'> & { userPoolId: string; clientId: string },
): Promise<SignInStepRecord> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  checkIdentifier('username', input.username, 'input.username');
  const responses = challengeResponses(input);
  const srpPassword = passwordSrpChoice(input);
  checkDeviceName(input.deviceName);
  Object.assign(responses, adminSecretHash(ctx, ClientId, input.username));
  const output =
    srpPassword !== undefined
      ? await selectPasswordSrp(adminChannel(ctx, UserPoolId, ClientId), { username: input.username, password: srpPassword }, input.session)
      : await ctx.call('AdminRespondToAuthChallenge', {
          UserPoolId,
          ClientId,
          ChallengeName: input.challengeName,
          Session: input.session,
          ChallengeResponses: responses,
        });
  return completeSignInStep(ctx, output, input.deviceName);
}

import { parseCodeDelivery } from '../cognito/parse';
import { invalidInput } from '../domain/gateway-error';
import { checkAttributes, checkIdentifier, type AttributeInput } from '../domain/identifiers';
import type { CodeDeliveryRecord, SignInStepRecord } from '../domain/records';
import { authParameters, type AdminSignInFlow, type AuthParametersInput, type PublicSignInFlow } from './auth-parameters';
import { challengeResponses, type AnswerableChallengeName, type AnswerInput } from './challenge-answers';
import type { GatewayContext } from './context';
import { checkRememberedDevice, completeSignInStep, type RememberedDevice } from './device-tracking';
import {
  adminChannel,
  deviceKeyParameter,
  passwordSignIn,
  preferPasswordSrp,
  publicChannel,
  selectPasswordSrp,
  type PasswordFlow,
  type SignInAnswer,
  type SignInChannel,
} from './srp-sign-in';
import type { FailingFlow } from './user-existence';

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
    client,
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

/** What a sign-in with a remembered device adds (device-tracking.ts). */
interface DeviceInput {
  /** The device an earlier sign-in returned (newDevice): DEVICE_KEY, and the device's proof when Cognito asks. */
  device?: RememberedDevice | null;
  /** The name ConfirmDevice gives a new device this sign-in makes. */
  deviceName?: string | null;
}

function checkDeviceName(name: string | null | undefined): void {
  if (name != null) checkIdentifier('description', name, 'input.deviceName');
}

export interface InitiateAuthInput extends PublicInput, Omit<AuthParametersInput, 'username'>, DeviceInput {
  authFlow: PublicSignInFlow;
}

/** Which user-existence rule a sign-in's first call follows: a refresh token proves itself otherwise. */
const startingFlow = (authFlow: string): FailingFlow => (authFlow === 'REFRESH_TOKEN_AUTH' ? 'refreshSignIn' : 'passwordSignIn');

/** Flows whose password the gateway proves or sends itself (srp-sign-in.ts passwordSignIn). */
const isPasswordFlow = (flow: PublicSignInFlow | AdminSignInFlow): flow is PasswordFlow =>
  flow === 'USER_PASSWORD_AUTH' || flow === 'ADMIN_USER_PASSWORD_AUTH' || flow === 'USER_SRP_AUTH';

/** A sign-in's first request, every member checked before any call (and before the rate limit is spent). */
function checkedSignIn(flow: PublicSignInFlow | AdminSignInFlow, input: AuthParametersInput & DeviceInput) {
  const parameters = authParameters(flow, input);
  const device = checkRememberedDevice(input.device);
  checkDeviceName(input.deviceName);
  const srp = isPasswordFlow(flow) || (flow === 'USER_AUTH' && input.preferredChallenge === 'PASSWORD_SRP');
  // DEVICE_KEY goes with the password flows and refresh; the others have no use for a device.
  if (device && !srp && flow !== 'REFRESH_TOKEN_AUTH') throw invalidInput('input.device', `is not used by ${flow}`);
  return { flow, parameters, device, attempt: { username: input.username, password: parameters['PASSWORD'] ?? '', device } };
}

/**
 * A sign-in's first call, through either channel: a password flow goes through passwordSignIn
 * (SRP run by the gateway, or the plain flow with SRP when the client allows only that), USER_AUTH
 * preferring PASSWORD_SRP through preferPasswordSrp; every other flow is sent as its parameters say.
 */
function firstSignInCall(
  ctx: GatewayContext,
  channel: SignInChannel,
  client: { userPoolId: string; clientId: string },
  { flow, parameters, device, attempt }: ReturnType<typeof checkedSignIn>,
): Promise<SignInAnswer> {
  if (isPasswordFlow(flow)) return passwordSignIn(ctx, channel, client, flow, attempt);
  if (flow === 'USER_AUTH' && parameters['PREFERRED_CHALLENGE'] === 'PASSWORD_SRP') return preferPasswordSrp(channel, attempt);
  return channel.initiate(flow, { ...parameters, ...channel.secretHash(attempt.username), ...deviceKeyParameter(device) });
}

export async function initiateAuth(ctx: GatewayContext, input: InitiateAuthInput): Promise<SignInStepRecord> {
  const checked = checkedSignIn(input.authFlow, input);
  const { client } = await publicFlow(ctx, input);
  const output = await ctx.userExistence.failingAlike(startingFlow(input.authFlow), () =>
    firstSignInCall(ctx, publicChannel(ctx, client), client, checked),
  );
  return completeSignInStep(ctx, output, input.deviceName);
}

export interface RespondToAuthChallengeInput extends PublicInput, AnswerInput, Omit<DeviceInput, 'device'> {
  challengeName: AnswerableChallengeName;
  session: string;
}

/** The answer's ChallengeResponses and session, checked before anything else happens. */
function checkedAnswer(input: Omit<RespondToAuthChallengeInput, 'clientId'>) {
  const responses = challengeResponses(input.challengeName, input.username, input);
  checkDeviceName(input.deviceName);
  return { responses, Session: checkIdentifier('session', input.session, 'input.session') };
}

/**
 * An answer through either channel. SELECT_CHALLENGE answered with PASSWORD_SRP is the gateway's
 * to prove (SRP_A, then PASSWORD_VERIFIER); every other answer goes as its table says.
 */
function answerChallenge(
  channel: SignInChannel,
  input: Omit<RespondToAuthChallengeInput, 'clientId'>,
  checked: ReturnType<typeof checkedAnswer>,
): Promise<SignInAnswer> {
  if (input.challengeName === 'SELECT_CHALLENGE' && input.answer === 'PASSWORD_SRP') {
    return selectPasswordSrp(channel, { username: input.username, password: checked.responses['PASSWORD']! }, checked.Session);
  }
  return channel.respond(input.challengeName, checked.Session, { ...checked.responses, ...channel.secretHash(input.username) });
}

export async function respondToAuthChallenge(ctx: GatewayContext, input: RespondToAuthChallengeInput): Promise<SignInStepRecord> {
  const checked = checkedAnswer(input);
  const { client } = await publicFlow(ctx, input);
  const channel = publicChannel(ctx, client);
  const output = await ctx.userExistence.failingAlike('challengeAnswer', () => answerChallenge(channel, input, checked));
  return completeSignInStep(ctx, output, input.deviceName);
}

// ---------------------------------------------------------------------------------------------
// Server-side sign-in (AdminInitiateAuth, AdminRespondToAuthChallenge): administrators only.
// Any app client of the pool may be named; SECRET_HASH is added when the gateway knows the secret.
// ---------------------------------------------------------------------------------------------

export interface AdminInitiateAuthInput extends AuthParametersInput, DeviceInput {
  userPoolId: string;
  clientId: string;
  authFlow: AdminSignInFlow;
}

export async function adminInitiateAuth(ctx: GatewayContext, input: AdminInitiateAuthInput): Promise<SignInStepRecord> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  checkIdentifier('username', input.username, 'input.username');
  const checked = checkedSignIn(input.authFlow, input);
  const output = await firstSignInCall(
    ctx,
    adminChannel(ctx, UserPoolId, ClientId),
    { userPoolId: UserPoolId, clientId: ClientId },
    checked,
  );
  return completeSignInStep(ctx, output, input.deviceName);
}

export async function adminRespondToAuthChallenge(
  ctx: GatewayContext,
  input: Omit<RespondToAuthChallengeInput, 'clientId'> & { userPoolId: string; clientId: string },
): Promise<SignInStepRecord> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  checkIdentifier('username', input.username, 'input.username');
  const checked = checkedAnswer(input);
  const output = await answerChallenge(adminChannel(ctx, UserPoolId, ClientId), input, checked);
  return completeSignInStep(ctx, output, input.deviceName);
}

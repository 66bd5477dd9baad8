import { parseCodeDelivery, parseSignInStep } from '../cognito/parse';
import { checkAttributes, checkIdentifier, type AttributeInput } from '../domain/identifiers';
import type { CodeDeliveryRecord, SignInStepRecord } from '../domain/records';
import { authParameters, type AdminSignInFlow, type AuthParametersInput, type PublicSignInFlow } from './auth-parameters';
import { challengeResponses, type AnswerableChallengeName, type AnswerInput } from './challenge-answers';
import type { GatewayContext } from './context';
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

export interface InitiateAuthInput extends PublicInput, Omit<AuthParametersInput, 'username'> {
  authFlow: PublicSignInFlow;
}

/** Which user-existence rule a sign-in's first call follows: a refresh token proves itself otherwise. */
const startingFlow = (authFlow: string): FailingFlow => (authFlow === 'REFRESH_TOKEN_AUTH' ? 'refreshSignIn' : 'passwordSignIn');

export async function initiateAuth(ctx: GatewayContext, input: InitiateAuthInput): Promise<SignInStepRecord> {
  const parameters = authParameters(input.authFlow, input);
  const { request } = await publicFlow(ctx, input);
  if (request.SecretHash) parameters['SECRET_HASH'] = request.SecretHash;
  const output = await ctx.userExistence.failingAlike(startingFlow(input.authFlow), () =>
    ctx.call('InitiateAuth', { ClientId: request.ClientId, AuthFlow: input.authFlow, AuthParameters: parameters }),
  );
  return parseSignInStep(output);
}

export interface RespondToAuthChallengeInput extends PublicInput, AnswerInput {
  challengeName: AnswerableChallengeName;
  session: string;
}

/** The answer's ChallengeResponses and session, checked before anything else happens. */
function checkedAnswer(input: Omit<RespondToAuthChallengeInput, 'clientId'>) {
  const responses = challengeResponses(input.challengeName, input.username, input);
  return { responses, Session: checkIdentifier('session', input.session, 'input.session') };
}

export async function respondToAuthChallenge(ctx: GatewayContext, input: RespondToAuthChallengeInput): Promise<SignInStepRecord> {
  const { responses, Session } = checkedAnswer(input);
  const { request } = await publicFlow(ctx, input);
  if (request.SecretHash) responses['SECRET_HASH'] = request.SecretHash;
  const output = await ctx.userExistence.failingAlike('challengeAnswer', () =>
    ctx.call('RespondToAuthChallenge', {
      ClientId: request.ClientId,
      ChallengeName: input.challengeName,
      Session,
      ChallengeResponses: responses,
    }),
  );
  return parseSignInStep(output);
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

export interface AdminInitiateAuthInput extends AuthParametersInput {
  userPoolId: string;
  clientId: string;
  authFlow: AdminSignInFlow;
}

export async function adminInitiateAuth(ctx: GatewayContext, input: AdminInitiateAuthInput): Promise<SignInStepRecord> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  checkIdentifier('username', input.username, 'input.username');
  const parameters = { ...authParameters(input.authFlow, input), ...adminSecretHash(ctx, ClientId, input.username) };
  const output = await ctx.call('AdminInitiateAuth', { UserPoolId, ClientId, AuthFlow: input.authFlow, AuthParameters: parameters });
  return parseSignInStep(output);
}

export async function adminRespondToAuthChallenge(
  ctx: GatewayContext,
  input: Omit<RespondToAuthChallengeInput, 'clientId'> & { userPoolId: string; clientId: string },
): Promise<SignInStepRecord> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  checkIdentifier('username', input.username, 'input.username');
  const { responses, Session } = checkedAnswer(input);
  Object.assign(responses, adminSecretHash(ctx, ClientId, input.username));
  const output = await ctx.call('AdminRespondToAuthChallenge', {
    UserPoolId,
    ClientId,
    ChallengeName: input.challengeName,
    Session,
    ChallengeResponses: responses,
  });
  return parseSignInStep(output);
}

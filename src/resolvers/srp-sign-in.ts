import type { AuthFlowType, ChallengeNameType, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { AppClientConfig } from '../config';
import { fromCognitoException } from '../cognito/errors';
import { GatewayError } from '../domain/gateway-error';
import type { GatewayContext } from './context';
import { answerDeviceChallenges, type RememberedDevice } from './device-tracking';
import { runSrpStep, type SrpStepArgs, type SrpStepName, type SrpStepResult } from './srp-worker';

/**
 * Cognito's SRP sign-in (USER_SRP_AUTH; PASSWORD_SRP within choice-based sign-in), run by the
 * gateway for its caller: the caller sends its password over TLS once, as for USER_PASSWORD_AUTH,
 * and sees only tokens or the next challenge it can answer (MFA, NEW_PASSWORD_REQUIRED, ...). The
 * SRP arithmetic is cognito-srp-helper's; this file only carries its values to and from Cognito.
 */

/** What one sign-in step answers: InitiateAuth, AdminInitiateAuth and their RespondToAuthChallenge alike. */
export type SignInAnswer = Pick<InitiateAuthResponse, 'ChallengeName' | 'Session' | 'ChallengeParameters' | 'AuthenticationResult'>;

/** How a sign-in reaches Cognito: the public operations, or the administrators' (server-side) ones. */
export interface SignInChannel {
  userPoolId: string;
  /** `{ SECRET_HASH }` for this username when the gateway knows the client's secret; otherwise empty. */
  secretHash(username: string): Record<string, string>;
  initiate(authFlow: AuthFlowType, parameters: Record<string, string>): Promise<SignInAnswer>;
  respond(challengeName: ChallengeNameType, session: string | undefined, responses: Record<string, string>): Promise<SignInAnswer>;
}

/**
 * The sign-in calls keep the SRP values of a challenge (redaction.ts removes them from every other
 * call's answer): the SRP steps here read them; what reaches the caller is parsed without them.
 */
const SRP_VALUES = { revealSecrets: true } as const;

/** A public client's sign-in: InitiateAuth and RespondToAuthChallenge. */
export function publicChannel(ctx: GatewayContext, client: AppClientConfig): SignInChannel {
  return {
    userPoolId: client.userPoolId,
    secretHash: (username) => hashParameter(ctx.appClients.secretHash(client, username)),
    initiate: (AuthFlow, AuthParameters) => ctx.call('InitiateAuth', { ClientId: client.clientId, AuthFlow, AuthParameters }, SRP_VALUES),
    respond: (ChallengeName, Session, ChallengeResponses) =>
      ctx.call('RespondToAuthChallenge', { ClientId: client.clientId, ChallengeName, Session, ChallengeResponses }, SRP_VALUES),
  };
}

/** A server-side sign-in: AdminInitiateAuth and AdminRespondToAuthChallenge, with any client of the pool. */
export function adminChannel(ctx: GatewayContext, UserPoolId: string, ClientId: string): SignInChannel {
  const client = ctx.appClients.find(ClientId);
  return {
    userPoolId: UserPoolId,
    secretHash: (username) => hashParameter(client ? ctx.appClients.secretHash(client, username) : undefined),
    initiate: (AuthFlow, AuthParameters) => ctx.call('AdminInitiateAuth', { UserPoolId, ClientId, AuthFlow, AuthParameters }, SRP_VALUES),
    respond: (ChallengeName, Session, ChallengeResponses) =>
      ctx.call('AdminRespondToAuthChallenge', { UserPoolId, ClientId, ChallengeName, Session, ChallengeResponses }, SRP_VALUES),
  };
}

function hashParameter(hash: string | undefined): Record<string, string> {
  return hash ? { SECRET_HASH: hash } : {};
}

/** Who signs in, with what; `device` when the caller kept one from an earlier sign-in. */
export interface PasswordAttempt {
  username: string;
  password: string;
  device?: RememberedDevice | undefined;
}

export function deviceKeyParameter(device: RememberedDevice | undefined): Record<string, string> {
  return device ? { DEVICE_KEY: device.key } : {};
}

/** USER_SRP_AUTH: InitiateAuth with SRP_A, then the PASSWORD_VERIFIER (and device) steps. */
export function srpSignIn(channel: SignInChannel, attempt: PasswordAttempt): Promise<SignInAnswer> {
  return passwordSrp(channel, attempt, (SRP_A) =>
    channel.initiate('USER_SRP_AUTH', {
      USERNAME: attempt.username,
      SRP_A,
      ...channel.secretHash(attempt.username),
      ...deviceKeyParameter(attempt.device),
    }),
  );
}

/** Choice-based sign-in (USER_AUTH) that prefers PASSWORD_SRP: SRP_A goes with the first request. */
export function preferPasswordSrp(channel: SignInChannel, attempt: PasswordAttempt): Promise<SignInAnswer> {
  return passwordSrp(channel, attempt, (SRP_A) =>
    channel.initiate('USER_AUTH', {
      USERNAME: attempt.username,
      PREFERRED_CHALLENGE: 'PASSWORD_SRP',
      SRP_A,
      ...channel.secretHash(attempt.username),
      ...deviceKeyParameter(attempt.device),
    }),
  );
}

/** SELECT_CHALLENGE answered with PASSWORD_SRP: SRP_A goes with the answer. */
export function selectPasswordSrp(channel: SignInChannel, attempt: PasswordAttempt, session: string): Promise<SignInAnswer> {
  return passwordSrp(channel, attempt, (SRP_A) =>
    channel.respond('SELECT_CHALLENGE', session, {
      USERNAME: attempt.username,
      ANSWER: 'PASSWORD_SRP',
      SRP_A,
      ...channel.secretHash(attempt.username),
      ...deviceKeyParameter(attempt.device),
    }),
  );
}

/**
 * Sends SRP_A through `start`; answers the PASSWORD_VERIFIER challenge Cognito replies with, and
 * then the device challenges of a remembered device; returns what follows (tokens, or a challenge
 * for the caller).
 */
async function passwordSrp(channel: SignInChannel, attempt: PasswordAttempt, start: (srpA: string) => Promise<SignInAnswer>) {
  // The password is hashed with USER_ID_FOR_SRP (which Cognito names only in its answer), hence not pre-hashed here.
  const session = await srpStep('createSrpSession', attempt.username, attempt.password, channel.userPoolId, false);
  const verifier = await start(session.largeA);
  if (verifier.ChallengeName !== 'PASSWORD_VERIFIER') return verifier;
  const answer = await channel.respond(
    'PASSWORD_VERIFIER',
    verifier.Session,
    await passwordClaim(channel, session, verifier, attempt.device),
  );
  const username = verifier.ChallengeParameters?.['USER_ID_FOR_SRP'] ?? attempt.username;
  return answerDeviceChallenges(channel, answer, { username, device: attempt.device });
}

/** The PASSWORD_VERIFIER answer: the password claim, as the user Cognito named (USER_ID_FOR_SRP). */
async function passwordClaim(
  channel: SignInChannel,
  session: SrpStepResult<'createSrpSession'>,
  verifier: SignInAnswer,
  device: RememberedDevice | undefined,
) {
  const signed = await srpStep('signSrpSession', session, verifier);
  const username = verifier.ChallengeParameters?.['USER_ID_FOR_SRP'] ?? session.username;
  return {
    USERNAME: username,
    PASSWORD_CLAIM_SECRET_BLOCK: signed.secret,
    PASSWORD_CLAIM_SIGNATURE: signed.passwordSignature,
    TIMESTAMP: signed.timestamp,
    ...channel.secretHash(username),
    ...deviceKeyParameter(device),
  };
}

/**
 * A step of the SRP library, on its worker thread (srp-worker.ts). It refuses only a Cognito answer it cannot use (a challenge without
 * SRP_B or SALT, a zero value): Cognito's fault, told to the client without the values involved.
 */
const LIBRARY_REFUSAL = /^(Could not sign SRP session|Aborting SRP)/;

export async function srpStep<Name extends SrpStepName>(step: Name, ...args: SrpStepArgs<Name>): Promise<SrpStepResult<Name>> {
  try {
    return await runSrpStep(step, ...args);
  } catch (error) {
    // The library's own refusals (SignSrpSessionError, AbortOnZeroSrpError: its typings do not
    // export the classes) name what is missing, never a value; anything else is a bug, masked.
    if (!(error instanceof Error && LIBRARY_REFUSAL.test(error.message))) throw error;
    throw new GatewayError('COGNITO_BAD_RESPONSE', `Cognito's SRP challenge could not be answered: ${error.message}.`, {
      operation: 'SRP',
    });
  }
}

/** The flows a caller signs in with a password through. */
export type PasswordFlow = 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'USER_SRP_AUTH';

/**
 * A sign-in with a password, by the flow asked for. A client that does not allow the plain
 * password flow (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH) but allows SRP, as many allow only
 * SRP, is signed in with SRP instead, with the same password: Cognito's refusal of the flow is
 * checked against the client's ExplicitAuthFlows (its description, cached when
 * DESCRIPTION_CACHE_TTL is set), so clients that allow the password flow pay nothing for it.
 */
export async function passwordSignIn(
  ctx: GatewayContext,
  channel: SignInChannel,
  client: { userPoolId: string; clientId: string },
  flow: PasswordFlow,
  attempt: PasswordAttempt,
): Promise<SignInAnswer> {
  if (flow === 'USER_SRP_AUTH') return srpSignIn(channel, attempt);
  try {
    const answer = await channel.initiate(flow, {
      USERNAME: attempt.username,
      PASSWORD: attempt.password,
      ...channel.secretHash(attempt.username),
      ...deviceKeyParameter(attempt.device),
    });
    return await answerDeviceChallenges(channel, answer, { username: attempt.username, device: attempt.device });
  } catch (error) {
    if (!isFlowRefusal(error)) throw error;
    const allowed = (await ctx.loaders.client.load(client)).explicitAuthFlows;
    if (allowed.includes('ALLOW_USER_SRP_AUTH')) return srpSignIn(channel, attempt);
    throw fromCognitoException(
      {
        name: 'InvalidParameterException',
        message: `App client ${client.clientId} does not allow ${flow} nor USER_SRP_AUTH; it allows ${allowed.join(', ') || 'no flow'} (its ExplicitAuthFlows).`,
      },
      error.operation ?? 'InitiateAuth',
    )!;
  }
}

/** Cognito's "USER_PASSWORD_AUTH flow not enabled for this client" (and its admin twin). */
function isFlowRefusal(error: unknown): error is GatewayError {
  return error instanceof GatewayError && error.exception === 'InvalidParameterException' && /not enabled/i.test(error.message);
}

import {
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  NotAuthorizedException,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  UserNotFoundException,
  type ForgotPasswordCommandOutput,
  type ResendConfirmationCodeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GatewayOptions } from '../../src/http/yoga';
import { scriptedGateway } from '../support/scripted-cognito';

/**
 * What cognito-local cannot show: AWS's own answers (ResendConfirmationCode, which the emulator
 * lacks; AWS's message for a challenge answered with a session it finds expired; AWS's
 * messages for a disabled user or one without a verified address), scripted with the SDK's
 * exception classes and AWS's messages, and what an anonymous caller gets for each. Byte for byte:
 * the whole response body, as sent.
 */

const POOL = 'eu-west-1_Existence1';
const CLIENT = { userPoolId: POOL, clientId: '5pub1icc1ient0nosecret0000' };
const KNOWN = 'kim';
const AWS_DELIVERY = { Destination: 'k***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } as const;

const userNotFound = () => new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });
const notAuthorized = (message: string) => new NotAuthorizedException({ message, $metadata: {} });
const invalidParameter = (message: string) => new InvalidParameterException({ message, $metadata: {} });

type Scripted = ReturnType<typeof scriptedGateway>;
let scripted: Scripted;

function gateway(options: Partial<GatewayOptions> = {}) {
  scripted = scriptedGateway({ appClients: [CLIENT], issuerBase: 'https://cognito-idp.eu-west-1.amazonaws.com', debug: false, ...options });
  return scripted;
}

beforeEach(() => {
  gateway();
});

async function send(query: string, input: Record<string, unknown>): Promise<string> {
  const response = await scripted.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables: { input: { clientId: CLIENT.clientId, ...input } } }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

const field = (body: string) => Object.values(JSON.parse(body).data)[0] as Record<string, any>;

const ERROR = '__typename ... on CognitoError { code message }';
const DELIVERY = 'codeDelivery { attributeName deliveryMedium destination }';
const RESEND = `mutation ($input: ResendConfirmationCodeInput!) { resendConfirmationCode(input: $input) { ${ERROR} ... on ResendConfirmationCodePayload { ${DELIVERY} } } }`;
const FORGOT = `mutation ($input: ForgotPasswordInput!) { forgotPassword(input: $input) { ${ERROR} ... on ForgotPasswordPayload { ${DELIVERY} } } }`;
const INITIATE_AUTH = `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${ERROR} ... on InitiateAuthPayload { tokens { accessToken } } } }`;
const CONFIRM_SIGN_UP = `mutation ($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { ${ERROR} ... on ConfirmSignUpPayload { confirmed } } }`;
const RESPOND = `mutation ($input: RespondToAuthChallengeInput!) { respondToAuthChallenge(input: $input) { ${ERROR} ... on RespondToAuthChallengePayload { tokens { accessToken } } } }`;

describe('resendConfirmationCode and forgotPassword: a code sent, whoever is asked about', () => {
  it('resendConfirmationCode for an unknown or an already confirmed user answers as for a known one', async () => {
    scripted.cognito
      .on(ResendConfirmationCodeCommand)
      .callsFake((input: { Username: string }): Partial<ResendConfirmationCodeCommandOutput> => {
        if (input.Username === KNOWN) return { CodeDeliveryDetails: AWS_DELIVERY };
        if (input.Username === 'confirmed-already') throw invalidParameter('User is already confirmed.');
        throw userNotFound();
      });
    const known = field(await send(RESEND, { username: KNOWN }));
    expect(known).toEqual({
      __typename: 'ResendConfirmationCodePayload',
      codeDelivery: { attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'k***@e***' },
    });
    for (const username of ['nobody-at-all', 'confirmed-already']) {
      const other = field(await send(RESEND, { username }));
      expect(other.__typename).toBe(known.__typename);
      expect(Object.keys(other.codeDelivery)).toEqual(Object.keys(known.codeDelivery));
      expect(other.codeDelivery).toMatchObject({
        attributeName: 'email',
        deliveryMedium: 'EMAIL',
        destination: expect.stringMatching(/^\p{L}\*\*\*@[a-z]\*\*\*$/u),
      });
      expect(other.codeDelivery.destination.startsWith(username[0]!)).toBe(true);
      // The same account asked about again: the same destination.
      expect(field(await send(RESEND, { username }))).toEqual(other);
    }
  });

  it('forgotPassword for a disabled user or one without a verified address answers a code sent too', async () => {
    scripted.cognito.on(ForgotPasswordCommand).callsFake((input: { Username: string }): Partial<ForgotPasswordCommandOutput> => {
      if (input.Username === KNOWN) return { CodeDeliveryDetails: AWS_DELIVERY };
      if (input.Username === 'disabled') throw notAuthorized('User is disabled.');
      throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
    });
    expect(field(await send(FORGOT, { username: KNOWN })).codeDelivery.destination).toBe('k***@e***');
    for (const username of ['disabled', 'unverified']) {
      expect(field(await send(FORGOT, { username }))).toEqual({
        __typename: 'ForgotPasswordPayload',
        codeDelivery: {
          attributeName: 'email',
          deliveryMedium: 'EMAIL',
          destination: expect.stringMatching(new RegExp(`^${username[0]}\\*\\*\\*@[a-z]\\*\\*\\*$`)),
        },
      });
    }
  });

  it('a refusal of the app client (a bad secret hash) is never hidden behind a code sent, a wrong password or a wrong code', async () => {
    const badHash = () => notAuthorized(`Unable to verify secret hash for client ${CLIENT.clientId}`);
    for (const command of [ForgotPasswordCommand, InitiateAuthCommand, ConfirmSignUpCommand] as const) {
      scripted.cognito.on(command as never).rejects(badHash());
    }
    const answers = [
      await send(FORGOT, { username: 'nobody-at-all' }),
      await send(INITIATE_AUTH, { username: 'nobody-at-all', authFlow: 'USER_PASSWORD_AUTH', password: 'Some-Passw0rd-1' }),
      await send(CONFIRM_SIGN_UP, { username: 'nobody-at-all', confirmationCode: '123456' }),
    ];
    for (const answer of answers) {
      expect(field(answer)).toEqual({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED', message: badHash().message });
    }
  });

  it('a fabricated destination depends on the gateway’s secret, so it cannot be computed from the username alone', async () => {
    const destinations = new Set<string>();
    for (const cursorSecret of [
      'secret-one-0123456789abcdef',
      'secret-two-0123456789abcdef',
      'secret-three-0123456789abc',
      'secret-four-0123456789abcd',
    ]) {
      gateway({ cursorSecret }).cognito.on(ForgotPasswordCommand).rejects(userNotFound());
      destinations.add(field(await send(FORGOT, { username: 'nobody-at-all' })).codeDelivery.destination);
    }
    expect(destinations.size).toBeGreaterThan(1);
  });
});

describe('sign-in answers as AWS gives them: an unknown user is a wrong password', () => {
  const signIn = (username: string) => ({ username, authFlow: 'USER_PASSWORD_AUTH', password: 'Some-Passw0rd-1' });

  it('UserNotFoundException, a wrong password, a disabled and a locked-out user: one answer', async () => {
    scripted.cognito.on(InitiateAuthCommand).callsFake((input: { AuthParameters: { USERNAME: string } }) => {
      const messages: Record<string, string> = {
        kim: 'Incorrect username or password.',
        disabled: 'User is disabled.',
        locked: 'Password attempts exceeded',
      };
      const message = messages[input.AuthParameters.USERNAME];
      throw message ? notAuthorized(message) : userNotFound();
    });
    const wrongPassword = await send(INITIATE_AUTH, signIn(KNOWN));
    expect(field(wrongPassword)).toEqual({
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      message: 'Incorrect username or password.',
    });
    for (const username of ['nobody-at-all', 'disabled', 'locked'])
      expect(await send(INITIATE_AUTH, signIn(username)), username).toBe(wrongPassword);
  });

  it('REFRESH_TOKEN_AUTH: a bad token keeps Cognito’s answer; a user that is gone reads as a wrong credential', async () => {
    const refresh = (username: string) => ({
      username,
      authFlow: 'REFRESH_TOKEN_AUTH',
      refreshToken: 'an-opaque-refresh-token-0123456789',
    });
    scripted.cognito.on(InitiateAuthCommand).callsFake((input: { AuthParameters: { USERNAME: string } }) => {
      throw input.AuthParameters.USERNAME === KNOWN ? notAuthorized('Invalid Refresh Token') : userNotFound();
    });
    expect(field(await send(INITIATE_AUTH, refresh(KNOWN)))).toMatchObject({
      __typename: 'NotAuthorizedError',
      message: 'Invalid Refresh Token',
    });
    expect(field(await send(INITIATE_AUTH, refresh('gone')))).toMatchObject({
      __typename: 'NotAuthorizedError',
      message: 'Incorrect username or password.',
    });
  });

  it('respondToAuthChallenge with an invented session: the same answer for a known and an unknown user', async () => {
    scripted.cognito.on(RespondToAuthChallengeCommand).callsFake((input: { ChallengeResponses: { USERNAME: string } }) => {
      throw input.ChallengeResponses.USERNAME === KNOWN
        ? notAuthorized('Invalid session for the user, session is expired.')
        : userNotFound();
    });
    const answer = (username: string) =>
      send(RESPOND, { username, challengeName: 'SOFTWARE_TOKEN_MFA', session: 'an-invented-session-0123456789abcdef', code: '123456' });
    const known = await answer(KNOWN);
    expect(await answer('nobody-at-all')).toBe(known);
    expect(field(known)).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
  });

  it('with preventUserExistenceErrors: false, AWS’s UserNotFoundException comes back as it is', async () => {
    gateway({ preventUserExistenceErrors: false }).cognito.on(InitiateAuthCommand).rejects(userNotFound());
    expect(field(await send(INITIATE_AUTH, signIn('nobody-at-all')))).toEqual({
      __typename: 'UserNotFoundError',
      code: 'USER_NOT_FOUND',
      message: 'User does not exist.',
    });
    scripted.cognito.on(ResendConfirmationCodeCommand).rejects(userNotFound());
    expect(field(await send(RESEND, { username: 'nobody-at-all' }))).toMatchObject({ __typename: 'UserNotFoundError' });
  });
});

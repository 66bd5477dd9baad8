import { createHmac } from 'node:crypto';
import {
  ConfirmDeviceCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  RespondToAuthChallengeCommand,
  type DescribeUserPoolClientResponse,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { capturingLogger } from '../support/capturing-logger';
import { scriptedGateway } from '../support/scripted-cognito';
import { SCRIPTED_TOKENS, ScriptedSrpCognito } from '../support/scripted-srp-cognito';

/**
 * SRP sign-in run by the gateway (USER_SRP_AUTH; PASSWORD_SRP in choice-based sign-in) and device
 * tracking, over a scripted Cognito whose claims are checked by the test's own SRP server
 * (test/support/srp-server.ts): a gateway that computed its claim wrongly would be refused there.
 * The caller sends a password once and sees only tokens, an MFA challenge, or a typed error.
 */

const POOL = 'eu-west-1_Srp0Pool1';
const PUBLIC_CLIENT = { userPoolId: POOL, clientId: '5srppub1icc1ient000000000' };
const SECRET_CLIENT = {
  userPoolId: POOL,
  clientId: '6srpsecretc1ient00000000',
  clientSecret: 'srp0client0secret0abcdefghijklmnopqrstuvwxyz012',
};
const PASSWORD = 'Correct-Horse-Battery-9';
/** Signs in with an email alias; Cognito names the user by its username in SRP. */
const DANA = { signInName: 'dana@example.com', userIdForSrp: '0d5c8a3e-1111-4000-8000-00000000da4a', password: PASSWORD };
const NEW_DEVICE = { key: 'eu-west-1_0a1b2c3d-4e5f-4000-8000-00000000de01', groupKey: '-Gr0upKeyOfDana', userConfirmationNecessary: true };

const log = capturingLogger();
const scripted = scriptedGateway({
  appClients: [PUBLIC_CLIENT, SECRET_CLIENT],
  issuerBase: 'http://127.0.0.1:9/unused',
  publicFlowRateLimit: 1000,
  publicFlowRateLimitPerUsername: 1000,
  logger: log,
});
const { cognito, query } = scripted;
let srp: ScriptedSrpCognito;

beforeEach(() => {
  cognito.reset();
  srp = new ScriptedSrpCognito(scripted, POOL, [DANA]);
  srp.install();
});

/** A sign-in step's selection on its payload type, with the typed errors. */
const step = (payload: string) => `
  __typename
  ... on ${payload} {
    tokens { accessToken refreshToken }
    challenge { name session parameters { name value } }
    newDevice { key groupKey password userConfirmationNecessary }
  }
  ... on CognitoError { code message }
  ... on InvalidInputError { field reason }
`;

const INITIATE = `mutation ($input: InitiateAuthInput!) { result: initiateAuth(input: $input) { ${step('InitiateAuthPayload')} } }`;
const RESPOND = `mutation ($input: RespondToAuthChallengeInput!) { result: respondToAuthChallenge(input: $input) { ${step('RespondToAuthChallengePayload')} } }`;
const ADMIN_INITIATE = `mutation ($input: AdminInitiateAuthInput!) { result: adminInitiateAuth(input: $input) { ${step('AdminInitiateAuthPayload')} } }`;

async function run(document: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await query(document, { input });
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!['result'];
}

function inputsOf(command: typeof InitiateAuthCommand | typeof RespondToAuthChallengeCommand | typeof ConfirmDeviceCommand) {
  return cognito.commandCalls(command as never).map((call) => call.args[0].input as Record<string, any>);
}

const secretHash = (username: string) =>
  createHmac('sha256', SECRET_CLIENT.clientSecret)
    .update(username + SECRET_CLIENT.clientId)
    .digest('base64');

const HEX = expect.stringMatching(/^[0-9a-f]{256,}$/);
const TIMESTAMP = expect.stringMatching(/^\w{3} \w{3} [1-9]\d? \d\d:\d\d:\d\d UTC \d{4}$/);
const BASE64 = expect.stringMatching(/^[A-Za-z0-9+/]+=*$/);

/** A sign-in that completed, with the tokens Cognito issued. */
function expectTokens(step: Record<string, any>) {
  expect(step).toMatchObject({
    __typename: expect.stringMatching(/Payload$/),
    tokens: { accessToken: SCRIPTED_TOKENS.AccessToken, refreshToken: SCRIPTED_TOKENS.RefreshToken },
    challenge: null,
  });
}

describe('USER_SRP_AUTH run by the gateway', () => {
  it('signs in with a password: SRP_A, then the PASSWORD_VERIFIER claim as USER_ID_FOR_SRP, checked by the SRP server', async () => {
    const step = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
    });
    expectTokens(step);
    expect(step['newDevice']).toBeNull();
    expect(srp.refusals).toEqual([]);

    expect(inputsOf(InitiateAuthCommand)).toEqual([
      { ClientId: PUBLIC_CLIENT.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: DANA.signInName, SRP_A: HEX } },
    ]);
    expect(inputsOf(RespondToAuthChallengeCommand)).toEqual([
      {
        ClientId: PUBLIC_CLIENT.clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: expect.stringMatching(/^AYABeScriptedSession-/),
        ChallengeResponses: {
          USERNAME: DANA.userIdForSrp,
          PASSWORD_CLAIM_SECRET_BLOCK: BASE64,
          PASSWORD_CLAIM_SIGNATURE: BASE64,
          TIMESTAMP,
        },
      },
    ]);
    // The password itself never goes to Cognito in SRP.
    expect(JSON.stringify(cognito.calls().map((call) => call.args[0].input))).not.toContain(PASSWORD);
  });

  it('a wrong password is NotAuthorizedError, and so is a user that does not exist (existence kept to itself)', async () => {
    const wrong = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: 'Wrong-Password-1',
    });
    expect(wrong).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED', message: 'Incorrect username or password.' });
    expect(srp.refusals).toEqual(['PASSWORD_CLAIM_SIGNATURE does not match']);

    srp.script = { afterPassword: 'tokens', revealsMissingUsers: true };
    const missing = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: 'nobody@example.com',
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
    });
    expect(missing).toEqual(wrong);
  });

  it('SRP then SOFTWARE_TOKEN_MFA: the caller gets the challenge and answers it with respondToAuthChallenge', async () => {
    srp.script = { afterPassword: 'SOFTWARE_TOKEN_MFA' };
    const step = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
    });
    expect(step).toMatchObject({ tokens: null, challenge: { name: 'SOFTWARE_TOKEN_MFA', session: expect.any(String) } });
    expect(step['challenge'].parameters).toContainEqual({ name: 'USER_ID_FOR_SRP', value: DANA.userIdForSrp });

    const answered = await run(RESPOND, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.userIdForSrp,
      challengeName: 'SOFTWARE_TOKEN_MFA',
      session: step['challenge'].session,
      code: '123456',
    });
    expectTokens(answered);
    expect(inputsOf(RespondToAuthChallengeCommand).map((input) => input['ChallengeName'])).toEqual([
      'PASSWORD_VERIFIER',
      'SOFTWARE_TOKEN_MFA',
    ]);
  });

  it('a client with a secret: SECRET_HASH over the username first, then over USER_ID_FOR_SRP', async () => {
    const step = await run(INITIATE, {
      clientId: SECRET_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
    });
    expectTokens(step);
    expect(inputsOf(InitiateAuthCommand)[0]!['AuthParameters']).toEqual({
      USERNAME: DANA.signInName,
      SRP_A: HEX,
      SECRET_HASH: secretHash(DANA.signInName),
    });
    expect(inputsOf(RespondToAuthChallengeCommand)[0]!['ChallengeResponses']).toMatchObject({
      USERNAME: DANA.userIdForSrp,
      SECRET_HASH: secretHash(DANA.userIdForSrp),
    });
  });

  it('adminInitiateAuth with USER_SRP_AUTH: the same exchange through AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const step = await run(ADMIN_INITIATE, {
      userPoolId: POOL,
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
    });
    expectTokens(step);
    expect(srp.refusals).toEqual([]);
    const [initiate] = cognito.calls().map((call) => call.args[0].input as Record<string, any>);
    expect(initiate).toEqual({
      UserPoolId: POOL,
      ClientId: PUBLIC_CLIENT.clientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: DANA.signInName, SRP_A: HEX },
    });
    expect(cognito.calls().map((call) => call.args[0].constructor.name)).toEqual([
      'AdminInitiateAuthCommand',
      'AdminRespondToAuthChallengeCommand',
    ]);
  });
});

describe('a client that allows only SRP', () => {
  const notEnabled = () => new InvalidParameterException({ message: 'USER_PASSWORD_AUTH flow not enabled for this client', $metadata: {} });
  const described = (flows: ExplicitAuthFlowsType[]): DescribeUserPoolClientResponse => ({
    UserPoolClient: { UserPoolId: POOL, ClientId: PUBLIC_CLIENT.clientId, ClientName: 'web', ExplicitAuthFlows: flows },
  });

  it('USER_PASSWORD_AUTH runs as USER_SRP_AUTH with the same password, once Cognito refuses the plain flow', async () => {
    cognito.on(InitiateAuthCommand, { AuthFlow: 'USER_PASSWORD_AUTH' }).rejects(notEnabled());
    cognito.on(DescribeUserPoolClientCommand).resolves(described(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    const step = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_PASSWORD_AUTH',
      password: PASSWORD,
    });
    expectTokens(step);
    expect(inputsOf(InitiateAuthCommand).map((input) => input['AuthFlow'])).toEqual(['USER_PASSWORD_AUTH', 'USER_SRP_AUTH']);
    expect(srp.refusals).toEqual([]);
  });

  it('a client that allows neither is told which flows it allows', async () => {
    cognito.on(InitiateAuthCommand, { AuthFlow: 'USER_PASSWORD_AUTH' }).rejects(notEnabled());
    cognito.on(DescribeUserPoolClientCommand).resolves(described(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    const step = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_PASSWORD_AUTH',
      password: PASSWORD,
    });
    expect(step).toMatchObject({ __typename: 'InvalidParameterError', code: 'BAD_USER_INPUT' });
    expect(step['message']).toBe(
      `App client ${PUBLIC_CLIENT.clientId} does not allow USER_PASSWORD_AUTH nor USER_SRP_AUTH; it allows ALLOW_CUSTOM_AUTH, ALLOW_REFRESH_TOKEN_AUTH (its ExplicitAuthFlows).`,
    );
    expect(inputsOf(InitiateAuthCommand)).toHaveLength(1);
  });
});

describe('device tracking', () => {
  it('a new device is confirmed with a verifier of the password returned once; the next sign-in with it passes DEVICE_SRP_AUTH', async () => {
    srp.script = { afterPassword: 'SOFTWARE_TOKEN_MFA', newDevice: NEW_DEVICE };
    const challenged = await run(INITIATE, {
      clientId: SECRET_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
    });
    const first = await run(RESPOND, {
      clientId: SECRET_CLIENT.clientId,
      username: DANA.userIdForSrp,
      challengeName: 'SOFTWARE_TOKEN_MFA',
      session: challenged['challenge'].session,
      code: '123456',
      deviceName: 'Dana’s laptop',
    });
    expectTokens(first);
    const device = first['newDevice'];
    expect(device).toEqual({
      key: NEW_DEVICE.key,
      groupKey: NEW_DEVICE.groupKey,
      password: expect.stringMatching(/^[A-Za-z0-9+/]{40,}=*$/),
      userConfirmationNecessary: true,
    });
    expect(inputsOf(ConfirmDeviceCommand)).toEqual([
      {
        AccessToken: SCRIPTED_TOKENS.AccessToken,
        DeviceKey: NEW_DEVICE.key,
        DeviceName: 'Dana’s laptop',
        DeviceSecretVerifierConfig: { PasswordVerifier: BASE64, Salt: BASE64 },
      },
    ]);
    // The verifier Cognito stored is one of the password the caller got.
    expect(srp.server.deviceVerifierMatches(NEW_DEVICE.key, device.password)).toBe(true);
    expect(srp.server.deviceVerifierMatches(NEW_DEVICE.key, `${device.password}x`)).toBe(false);

    // The next sign-in names the device: the gateway proves it, and MFA is skipped as the pool allows.
    cognito.resetHistory();
    srp.script = { afterPassword: 'SOFTWARE_TOKEN_MFA' };
    const second = await run(INITIATE, {
      clientId: SECRET_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
      device: { key: device.key, groupKey: device.groupKey, password: device.password },
    });
    expectTokens(second);
    expect(second['newDevice']).toBeNull();
    expect(srp.refusals).toEqual([]);
    expect(inputsOf(InitiateAuthCommand)[0]!['AuthParameters']).toMatchObject({ DEVICE_KEY: NEW_DEVICE.key });
    const answers = inputsOf(RespondToAuthChallengeCommand);
    expect(answers.map((input) => input['ChallengeName'])).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(answers[0]!['ChallengeResponses']).toMatchObject({ DEVICE_KEY: NEW_DEVICE.key });
    expect(answers[1]!['ChallengeResponses']).toEqual({
      USERNAME: DANA.userIdForSrp,
      DEVICE_KEY: NEW_DEVICE.key,
      SRP_A: HEX,
      SECRET_HASH: secretHash(DANA.userIdForSrp),
    });
    expect(answers[2]!['ChallengeResponses']).toEqual({
      USERNAME: DANA.userIdForSrp,
      PASSWORD_CLAIM_SECRET_BLOCK: BASE64,
      PASSWORD_CLAIM_SIGNATURE: BASE64,
      TIMESTAMP,
      DEVICE_KEY: NEW_DEVICE.key,
      SECRET_HASH: secretHash(DANA.userIdForSrp),
    });
  });

  it('a wrong device password is refused as a wrong password', async () => {
    srp.script = { afterPassword: 'tokens', newDevice: NEW_DEVICE };
    const first = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
    });
    const device = first['newDevice'];
    srp.script = { afterPassword: 'tokens' };
    const second = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
      device: { key: device.key, groupKey: device.groupKey, password: Buffer.from('not the device password').toString('base64') },
    });
    expect(second).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
    expect(srp.refusals).toEqual(['PASSWORD_CLAIM_SIGNATURE does not match']);
  });

  it('a malformed device is refused before any Cognito call, naming the field', async () => {
    const step = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
      device: { key: 'not a device key', groupKey: NEW_DEVICE.groupKey, password: 'cGFzcw==' },
    });
    expect(step).toMatchObject({ __typename: 'InvalidInputError', field: 'input.device.key' });
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('PASSWORD_SRP in choice-based sign-in', () => {
  it('USER_AUTH preferring PASSWORD_SRP: SRP_A with the first request, then PASSWORD_VERIFIER', async () => {
    const step = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_AUTH',
      preferredChallenge: 'PASSWORD_SRP',
      password: PASSWORD,
    });
    expectTokens(step);
    expect(srp.refusals).toEqual([]);
    expect(inputsOf(InitiateAuthCommand)).toEqual([
      {
        ClientId: PUBLIC_CLIENT.clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: DANA.signInName, PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: HEX },
      },
    ]);
    expect(inputsOf(RespondToAuthChallengeCommand).map((input) => input['ChallengeName'])).toEqual(['PASSWORD_VERIFIER']);
  });

  it('SELECT_CHALLENGE answered with PASSWORD_SRP: ANSWER and SRP_A, then PASSWORD_VERIFIER', async () => {
    const selected = srp.initiate({
      ClientId: PUBLIC_CLIENT.clientId,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: DANA.signInName },
    });
    const step = await run(RESPOND, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      challengeName: 'SELECT_CHALLENGE',
      session: selected.Session,
      answer: 'PASSWORD_SRP',
      password: PASSWORD,
    });
    expectTokens(step);
    expect(srp.refusals).toEqual([]);
    const answers = inputsOf(RespondToAuthChallengeCommand);
    expect(answers[0]).toEqual({
      ClientId: PUBLIC_CLIENT.clientId,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: selected.Session,
      ChallengeResponses: { USERNAME: DANA.signInName, ANSWER: 'PASSWORD_SRP', SRP_A: HEX },
    });
    expect(answers.map((input) => input['ChallengeName'])).toEqual(['SELECT_CHALLENGE', 'PASSWORD_VERIFIER']);
  });
});

describe('secrets of the exchange', () => {
  it('SRP_A, SRP_B, SECRET_BLOCK, the claim, device passwords and verifiers reach no log and no answer but the one device password', async () => {
    const texts: string[] = [];
    const post = async (document: string, input: Record<string, unknown>) => {
      const response = await scripted.gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: document, variables: { input } }),
      });
      const text = await response.text();
      texts.push(text);
      return JSON.parse(text).data.result as Record<string, any>;
    };
    srp.script = { afterPassword: 'tokens', newDevice: NEW_DEVICE };
    const first = await post(INITIATE, {
      clientId: SECRET_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
    });
    const device = first['newDevice'];
    srp.script = { afterPassword: 'tokens' };
    await post(INITIATE, {
      clientId: SECRET_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: PASSWORD,
      device: { key: device.key, groupKey: device.groupKey, password: device.password },
    });
    await post(INITIATE, {
      clientId: SECRET_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_SRP_AUTH',
      password: 'Wrong-Password-1',
    });
    // A verifier challenge the library cannot use (no SRP_B): an error for the client and the operator, without the values.
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 'AYABeBrokenVerifier-0123456789',
      ChallengeParameters: { SALT: 'abc', SECRET_BLOCK: 'c2VjcmV0YmxvY2s=', USER_ID_FOR_SRP: DANA.userIdForSrp },
    });
    const broken = await query(INITIATE, {
      input: { clientId: SECRET_CLIENT.clientId, username: DANA.signInName, authFlow: 'USER_SRP_AUTH', password: PASSWORD },
    });
    expect(broken.errors?.[0]?.extensions?.['code']).toBe('COGNITO_BAD_RESPONSE');
    texts.push(JSON.stringify(broken));

    expect(srp.refusals).toEqual(['PASSWORD_CLAIM_SIGNATURE does not match']);
    expect(srp.secrets.size).toBeGreaterThanOrEqual(8);
    const logged = log.text();
    const answered = texts.join('\n');
    for (const secret of [...srp.secrets, device.password, PASSWORD, 'c2VjcmV0YmxvY2s=']) {
      expect(logged.includes(secret), `a secret of the exchange is in the log: ${secret.slice(0, 12)}…`).toBe(false);
      if (secret !== device.password) expect(answered.includes(secret), `a secret is in an answer: ${secret.slice(0, 12)}…`).toBe(false);
    }
    // The device password is in exactly one answer: the sign-in that made the device.
    expect(texts.filter((text) => text.includes(device.password))).toHaveLength(1);
  });

  it('an SRP challenge the gateway does not answer itself reaches the caller without SRP_B, SALT and SECRET_BLOCK', async () => {
    // CUSTOM_AUTH may go on to PASSWORD_VERIFIER; only the gateway's SRP steps may read its values.
    cognito.on(RespondToAuthChallengeCommand).resolves({
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 'AYABeAfterCustomChallenge-0123456789',
      ChallengeParameters: { SRP_B: 'abcdef0123', SALT: 'fedcba', SECRET_BLOCK: 'c2VjcmV0YmxvY2s=', USER_ID_FOR_SRP: DANA.userIdForSrp },
    });
    const step = await run(RESPOND, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      challengeName: 'CUSTOM_CHALLENGE',
      session: 'AYABeCustomChallengeSession-0123456789',
      answer: 'forty-two',
    });
    expect(step['challenge']).toEqual({
      name: 'PASSWORD_VERIFIER',
      session: 'AYABeAfterCustomChallenge-0123456789',
      parameters: [{ name: 'USER_ID_FOR_SRP', value: DANA.userIdForSrp }],
    });

    // The same through the gateway's own sign-in calls, which keep the values for its SRP steps.
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 'AYABeUnexpectedVerifier-0123456789',
      ChallengeParameters: { SRP_B: 'abcdef0123', SALT: 'fedcba', SECRET_BLOCK: 'c2VjcmV0YmxvY2s=', USER_ID_FOR_SRP: DANA.userIdForSrp },
    });
    const plain = await run(INITIATE, {
      clientId: PUBLIC_CLIENT.clientId,
      username: DANA.signInName,
      authFlow: 'USER_PASSWORD_AUTH',
      password: PASSWORD,
    });
    expect(plain['challenge'].parameters).toEqual([{ name: 'USER_ID_FOR_SRP', value: DANA.userIdForSrp }]);
  });
});

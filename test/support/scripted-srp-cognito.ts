import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  ConfirmDeviceCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  UserNotFoundException,
  type AuthenticationResultType,
  type ConfirmDeviceCommandInput,
  type ConfirmDeviceResponse,
  type InitiateAuthCommandInput,
  type InitiateAuthResponse,
  type RespondToAuthChallengeCommandInput,
  type RespondToAuthChallengeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import type { scriptedGateway } from './scripted-cognito';
import { CognitoSrpServer, type SrpExchange } from './srp-server';

/**
 * Cognito's SRP sign-in and device tracking, scripted over aws-sdk-client-mock for what
 * cognito-local does not implement: InitiateAuth (USER_SRP_AUTH, USER_AUTH with PASSWORD_SRP),
 * RespondToAuthChallenge (SELECT_CHALLENGE, PASSWORD_VERIFIER, DEVICE_SRP_AUTH,
 * DEVICE_PASSWORD_VERIFIER) and ConfirmDevice, and their Admin twins. Every claim is checked by
 * the test's own SRP server (srp-server.ts); a wrong claim is refused with NotAuthorizedException
 * as Cognito refuses it, and the reason is kept so a test can tell a wrong password from a wrong claim.
 */

export interface SrpUser {
  /** What the caller signs in as (a username or an alias). */
  signInName: string;
  /** Cognito's name for the user in SRP (USER_ID_FOR_SRP). */
  userIdForSrp: string;
  password: string;
}

export interface SrpScript {
  /** After the password (or a remembered device) is proven: tokens, or an MFA challenge. */
  afterPassword: 'tokens' | 'SOFTWARE_TOKEN_MFA';
  /** Completing the sign-in makes a new device (NewDeviceMetadata). */
  newDevice?: { key: string; groupKey: string; userConfirmationNecessary: boolean };
  /** Whether the pool tells about users that do not exist (PreventUserExistenceErrors off). */
  revealsMissingUsers?: boolean;
}

export const SCRIPTED_TOKENS: AuthenticationResultType = {
  AccessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzY3JpcHRlZCI6InNycCJ9.c2ln',
  IdToken: 'eyJhbGciOiJSUzI1NiJ9.eyJ0b2tlbl91c2UiOiJpZCJ9.c2ln',
  RefreshToken: 'srp-refresh-token-opaque',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

type Scripted = ReturnType<typeof scriptedGateway>;
type Responses = Record<string, string | undefined>;

interface PendingExchange {
  kind: 'password' | 'device' | 'mfa' | 'select';
  userIdForSrp: string;
  exchange?: SrpExchange;
}

export class ScriptedSrpCognito {
  readonly server: CognitoSrpServer;
  /** Why each refused claim was refused (a wrong password, or a claim computed wrongly). */
  readonly refusals: string[] = [];
  /** Every value that is a secret of the exchange, to look for in logs and answers. */
  readonly secrets = new Set<string>();
  private readonly sessions = new Map<string, PendingExchange>();
  private readonly usersByName = new Map<string, string>();
  script: SrpScript = { afterPassword: 'tokens' };

  constructor(
    private readonly scripted: Scripted,
    readonly userPoolId: string,
    users: SrpUser[],
  ) {
    this.server = new CognitoSrpServer(userPoolId);
    for (const user of users) {
      this.server.addUser(user.userIdForSrp, user.password);
      this.usersByName.set(user.signInName, user.userIdForSrp);
      this.usersByName.set(user.userIdForSrp, user.userIdForSrp);
    }
  }

  /** Installs the script's answers on the mock (after a reset). */
  install(): void {
    const { cognito } = this.scripted;
    cognito.on(InitiateAuthCommand).callsFake((input: InitiateAuthCommandInput) => this.initiate(input));
    cognito.on(AdminInitiateAuthCommand).callsFake((input: InitiateAuthCommandInput) => this.initiate(input));
    cognito.on(RespondToAuthChallengeCommand).callsFake((input: RespondToAuthChallengeCommandInput) => this.respond(input));
    cognito.on(AdminRespondToAuthChallengeCommand).callsFake((input: RespondToAuthChallengeCommandInput) => this.respond(input));
    cognito.on(ConfirmDeviceCommand).callsFake((input: ConfirmDeviceCommandInput) => this.confirmDevice(input));
  }

  private newSession(pending: PendingExchange): string {
    const session = `AYABeScriptedSession-${randomUUID()}`;
    this.sessions.set(session, pending);
    return session;
  }

  private verifierChallenge(userIdForSrp: string, srpA: string | undefined): InitiateAuthResponse {
    if (!srpA) throw new Error('scripted Cognito: SRP_A missing');
    this.secrets.add(srpA);
    const exchange = this.server.passwordVerifier(userIdForSrp, srpA);
    this.secrets.add(exchange.srpB).add(exchange.secretBlock);
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: this.newSession({ kind: 'password', userIdForSrp, exchange }),
      ChallengeParameters: {
        SALT: exchange.salt,
        SRP_B: exchange.srpB,
        SECRET_BLOCK: exchange.secretBlock,
        USER_ID_FOR_SRP: userIdForSrp,
        USERNAME: userIdForSrp,
      },
    };
  }

  private userOf(name: string | undefined): string {
    const userIdForSrp = name === undefined ? undefined : this.usersByName.get(name);
    if (userIdForSrp !== undefined) return userIdForSrp;
    if (this.script.revealsMissingUsers) throw new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });
    // PreventUserExistenceErrors: a made-up user whose claim can never be right.
    const madeUp = `missing-${randomUUID()}`;
    this.server.addUser(madeUp, randomUUID());
    return madeUp;
  }

  initiate(input: InitiateAuthCommandInput): InitiateAuthResponse {
    const parameters = input.AuthParameters ?? {};
    if (input.AuthFlow === 'USER_SRP_AUTH') return this.verifierChallenge(this.userOf(parameters['USERNAME']), parameters['SRP_A']);
    if (input.AuthFlow === 'USER_AUTH' && parameters['PREFERRED_CHALLENGE'] === 'PASSWORD_SRP') {
      return this.verifierChallenge(this.userOf(parameters['USERNAME']), parameters['SRP_A']);
    }
    if (input.AuthFlow === 'USER_AUTH') {
      const userIdForSrp = this.userOf(parameters['USERNAME']);
      return {
        ChallengeName: 'SELECT_CHALLENGE',
        Session: this.newSession({ kind: 'select', userIdForSrp }),
        ChallengeParameters: { USERNAME: userIdForSrp },
        AvailableChallenges: ['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP'],
      };
    }
    throw new Error(`scripted Cognito: no script for AuthFlow ${String(input.AuthFlow)}`);
  }

  respond(input: RespondToAuthChallengeCommandInput): RespondToAuthChallengeResponse {
    const pending = this.sessions.get(input.Session ?? '');
    if (!pending) throw new NotAuthorizedException({ message: 'Invalid session for the user.', $metadata: {} });
    this.sessions.delete(input.Session!);
    const responses: Responses = input.ChallengeResponses ?? {};
    switch (input.ChallengeName) {
      case 'SELECT_CHALLENGE':
        if (pending.kind !== 'select' || responses['ANSWER'] !== 'PASSWORD_SRP')
          throw new Error('scripted Cognito: unexpected SELECT_CHALLENGE');
        return this.verifierChallenge(pending.userIdForSrp, responses['SRP_A']);
      case 'PASSWORD_VERIFIER':
        this.checkClaim(pending, 'password', responses);
        return this.afterProof(pending.userIdForSrp, responses['DEVICE_KEY']);
      case 'DEVICE_SRP_AUTH': {
        const key = responses['DEVICE_KEY'] ?? '';
        const srpA = responses['SRP_A'] ?? '';
        this.secrets.add(srpA);
        const exchange = this.server.devicePasswordVerifier(key, srpA);
        this.secrets.add(exchange.srpB).add(exchange.secretBlock);
        return {
          ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
          Session: this.newSession({ kind: 'device', userIdForSrp: pending.userIdForSrp, exchange }),
          ChallengeParameters: {
            SALT: exchange.salt,
            SRP_B: exchange.srpB,
            SECRET_BLOCK: exchange.secretBlock,
            USERNAME: pending.userIdForSrp,
          },
        };
      }
      case 'DEVICE_PASSWORD_VERIFIER':
        this.checkClaim(pending, 'device', responses);
        return this.complete();
      case 'SOFTWARE_TOKEN_MFA':
        if (pending.kind !== 'mfa' || responses['SOFTWARE_TOKEN_MFA_CODE'] !== '123456') {
          throw new NotAuthorizedException({ message: 'Invalid code received for user', $metadata: {} });
        }
        return this.complete();
      default:
        throw new Error(`scripted Cognito: no script for ${String(input.ChallengeName)}`);
    }
  }

  private checkClaim(pending: PendingExchange, kind: PendingExchange['kind'], responses: Responses): void {
    if (pending.kind !== kind || !pending.exchange) throw new Error(`scripted Cognito: a ${kind} claim for a ${pending.kind} session`);
    for (const key of ['PASSWORD_CLAIM_SIGNATURE', 'PASSWORD_CLAIM_SECRET_BLOCK']) if (responses[key]) this.secrets.add(responses[key]);
    const refusal = pending.exchange.refusal(responses);
    if (refusal) {
      this.refusals.push(refusal);
      throw new NotAuthorizedException({ message: 'Incorrect username or password.', $metadata: {} });
    }
  }

  /** After the password: a remembered device is asked for its proof; otherwise the script's next step. */
  private afterProof(userIdForSrp: string, deviceKey: string | undefined): RespondToAuthChallengeResponse {
    if (deviceKey && this.server.hasDevice(deviceKey)) {
      return {
        ChallengeName: 'DEVICE_SRP_AUTH',
        Session: this.newSession({ kind: 'device', userIdForSrp }),
        ChallengeParameters: { USERNAME: userIdForSrp },
      };
    }
    if (this.script.afterPassword === 'SOFTWARE_TOKEN_MFA') {
      return {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: this.newSession({ kind: 'mfa', userIdForSrp }),
        ChallengeParameters: { USER_ID_FOR_SRP: userIdForSrp, FRIENDLY_DEVICE_NAME: 'Authenticator' },
      };
    }
    return this.complete();
  }

  private complete(): RespondToAuthChallengeResponse {
    const device = this.script.newDevice;
    return {
      ChallengeParameters: {},
      AuthenticationResult: {
        ...SCRIPTED_TOKENS,
        ...(device ? { NewDeviceMetadata: { DeviceKey: device.key, DeviceGroupKey: device.groupKey } } : {}),
      },
    };
  }

  confirmDevice(input: ConfirmDeviceCommandInput): ConfirmDeviceResponse {
    const device = this.script.newDevice;
    if (!device || input.DeviceKey !== device.key || input.AccessToken !== SCRIPTED_TOKENS.AccessToken) {
      throw new NotAuthorizedException({ message: 'Invalid device key given.', $metadata: {} });
    }
    const config = input.DeviceSecretVerifierConfig ?? {};
    if (config.PasswordVerifier) this.secrets.add(config.PasswordVerifier);
    this.server.confirmDevice(device.groupKey, device.key, config);
    return { UserConfirmationNecessary: device.userConfirmationNecessary };
  }
}

import { createHmac } from 'node:crypto';
import { usernameKey } from '../auth/rate-limit';
import { fromCognitoException } from '../cognito/errors';
import type { CognitoException } from '../domain/codes';
import { maskDestination } from '../domain/destination-mask';
import { GatewayError } from '../domain/gateway-error';
import type { CodeDeliveryRecord } from '../domain/records';

/**
 * What Cognito's PreventUserExistenceErrors (ENABLED) does, done by the gateway for every app
 * client it serves, whatever the client's own setting: an anonymous caller cannot tell from an
 * answer whether a username exists. A failed attempt at a user that does not exist is answered
 * exactly as a failed attempt at one that does; a request to send a code to a user that does not
 * exist is answered as a code sent, to a plausible masked destination. As on Cognito, signUp is
 * not covered (UsernameExistsException is its answer), and an unconfirmed user is told so only
 * after the right password (Cognito checks the password first).
 */

/** A Cognito answer that tells about existence: this exception, with a message like this if given. */
interface Telling {
  exception: CognitoException;
  message?: RegExp;
}

const tellingOf = (...exceptions: CognitoException[]): Telling[] => exceptions.map((exception) => ({ exception }));

/** What a failed attempt is answered with, whether or not the user exists. */
interface FailingAlike {
  telling: Telling[];
  exception: CognitoException;
  message: string;
}

const WRONG_CREDENTIALS = { exception: 'NotAuthorizedException', message: 'Incorrect username or password.' } as const;
const WRONG_CODE = { exception: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' } as const;

const failingFlows = {
  /**
   * The first call of a sign-in (USER_PASSWORD_AUTH, USER_AUTH, CUSTOM_AUTH). AWS answers a wrong
   * password with NotAuthorizedException; the emulator with InvalidPasswordException; a disabled or
   * locked-out user is told apart by its message.
   */
  passwordSignIn: {
    telling: tellingOf('UserNotFoundException', 'NotAuthorizedException', 'InvalidPasswordException'),
    ...WRONG_CREDENTIALS,
  },
  /** REFRESH_TOKEN_AUTH proves itself with a token; only a user that is gone is told apart. */
  refreshSignIn: { telling: tellingOf('UserNotFoundException'), ...WRONG_CREDENTIALS },
  /** A challenge answered for a username that has no such challenge (an invented session). */
  challengeAnswer: { telling: tellingOf('UserNotFoundException', 'NotAuthorizedException'), ...WRONG_CREDENTIALS },
  /**
   * A code for a user that does not exist is answered as a wrong code, not as AWS's
   * ExpiredCodeException, so that it reads as what someone guessing a code gets for a real user;
   * an expired code and an already confirmed user (NotAuthorizedException) read the same too.
   */
  confirmSignUp: {
    telling: tellingOf('UserNotFoundException', 'NotAuthorizedException', 'CodeMismatchException', 'ExpiredCodeException'),
    ...WRONG_CODE,
  },
  /** As AWS: CodeMismatchException for a user that does not exist or is disabled, and for a code never asked for. */
  confirmForgotPassword: {
    telling: tellingOf('UserNotFoundException', 'NotAuthorizedException', 'CodeMismatchException', 'ExpiredCodeException'),
    ...WRONG_CODE,
  },
  /**
   * Feedback with the token of a notification email (UpdateAuthEventFeedback): a user or event
   * that does not exist reads as a token that is not valid.
   */
  authEventFeedback: {
    telling: tellingOf('UserNotFoundException', 'ResourceNotFoundException', 'NotAuthorizedException'),
    exception: 'NotAuthorizedException',
    message: 'The feedback token is not valid for this event.',
  },
} satisfies Record<string, FailingAlike>;

/** Answers to "send a code" that are answered as a code sent: AWS simulates a delivery for these. */
const sendingFlows = {
  forgotPassword: [
    ...tellingOf('UserNotFoundException', 'UserNotConfirmedException'),
    { exception: 'NotAuthorizedException', message: /disabled/i },
    // "Cannot reset password for the user as there is no registered/verified email or phone_number"
    { exception: 'InvalidParameterException', message: /verified/i },
  ],
  resendConfirmationCode: [
    ...tellingOf('UserNotFoundException'),
    { exception: 'NotAuthorizedException', message: /disabled/i },
    { exception: 'InvalidParameterException', message: /already confirmed/i },
  ],
} satisfies Record<string, Telling[]>;

export type FailingFlow = keyof typeof failingFlows;
export type SendingFlow = keyof typeof sendingFlows;

/**
 * A refusal of the app client itself ("Unable to verify secret hash for client …", "… configured
 * for secret but secret was not received"): the same for every username, so it tells nothing, and
 * it is the operator's to see; it is never turned into a wrong password or a code sent.
 */
const ABOUT_THE_CLIENT = /secret/i;

function tells(telling: readonly Telling[], error: unknown): error is GatewayError {
  if (!(error instanceof GatewayError) || error.exception === undefined || ABOUT_THE_CLIENT.test(error.message)) return false;
  return telling.some(({ exception, message }) => exception === error.exception && (!message || message.test(error.message)));
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE = /^\+\d{6,15}$/;
/** First letters of common mail domains, for a fabricated destination's domain. */
const DOMAIN_INITIALS = 'gghhyyoimace';
const LETTERS = 'abcdefghijklmnoprstvwy';

export class UserExistencePrevention {
  private readonly key: Buffer;

  /** `secret` keys the fabricated destinations: set so that nobody can compute them (CURSOR_SECRET). */
  constructor(
    readonly enabled: boolean,
    secret: string,
  ) {
    this.key = createHmac('sha256', secret).update('user-existence-prevention:v1').digest();
  }

  /** Runs a failing-alike flow's Cognito call: an answer that tells about existence becomes the flow's one answer. */
  async failingAlike<Output>(flow: FailingFlow, run: () => Promise<Output>): Promise<Output> {
    try {
      return await run();
    } catch (error) {
      const rule: FailingAlike = failingFlows[flow];
      if (!this.enabled || !tells(rule.telling, error)) throw error;
      throw fromCognitoException({ name: rule.exception, message: rule.message }, error.operation ?? flow)!;
    }
  }

  /** Runs a code-sending flow's Cognito call: an answer that tells about existence becomes a code sent. */
  async sendingAlike(
    flow: SendingFlow,
    account: { userPoolId: string; username: string },
    run: () => Promise<CodeDeliveryRecord | null>,
  ): Promise<CodeDeliveryRecord | null> {
    try {
      return await run();
    } catch (error) {
      if (!this.enabled || !tells(sendingFlows[flow], error)) throw error;
      return this.fabricatedDelivery(account.userPoolId, account.username);
    }
  }

  /**
   * Where a code would have gone, for a user that does not exist: the same for the same account
   * every time (and on every replica with the same secret), as AWS derives it from the username's
   * form: an email or phone number username is its own destination; another name gets an email
   * address starting as the name does, at a domain picked by the keyed digest of the account.
   */
  fabricatedDelivery(userPoolId: string, username: string): CodeDeliveryRecord {
    const name = username.normalize('NFKC').toLowerCase();
    if (PHONE.test(name)) return { destination: maskDestination(name), deliveryMedium: 'SMS', attributeName: 'phone_number' };
    if (EMAIL.test(name)) return { destination: maskDestination(name), deliveryMedium: 'EMAIL', attributeName: 'email' };
    const digest = createHmac('sha256', this.key).update(usernameKey(userPoolId, username)).digest();
    const [first] = name;
    const local = first !== undefined && /\p{L}/u.test(first) ? first : LETTERS[digest[0]! % LETTERS.length]!;
    const domain = DOMAIN_INITIALS[digest[1]! % DOMAIN_INITIALS.length]!;
    return { destination: maskDestination(`${local}@${domain}`), deliveryMedium: 'EMAIL', attributeName: 'email' };
  }
}

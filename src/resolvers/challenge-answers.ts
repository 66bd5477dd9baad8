import type { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { invalidInput } from '../domain/gateway-error';
import { checkAttributes, checkIdentifier, type AttributeInput } from '../domain/identifiers';
import { checkPublicKeyCredential } from './passkeys';

/**
 * How each sign-in challenge is answered (RespondToAuthChallenge, AdminRespondToAuthChallenge):
 * which members of the mutation's input it needs, and which ChallengeResponses key each fills, as
 * the AWS API reference (RespondToAuthChallenge, ChallengeResponses) spells them. One table, so a
 * missing or misplaced member is refused before any Cognito call, naming the field and the
 * challenge. USERNAME is always sent; SECRET_HASH is the caller's to add (it knows the client).
 */

/** The input members that carry an answer. */
export interface AnswerInput {
  code?: string | null;
  newPassword?: string | null;
  answer?: string | null;
  password?: string | null;
  /** WEB_AUTHN: the credential navigator.credentials.get() returned, as JSON. */
  credential?: Record<string, unknown> | null;
  /** NEW_PASSWORD_REQUIRED: the attributes Cognito listed in requiredAttributes (and other writable ones). */
  attributes?: AttributeInput[] | null;
}

export type AnswerMember = keyof AnswerInput;

/** Each member that an answer needs or may have, with the ChallengeResponses key it fills. */
interface AnswerRule {
  required?: Partial<Record<AnswerMember, string>>;
  optional?: Partial<Record<AnswerMember, string>>;
}

/** `attributes` fills one key per attribute, `userAttributes.<name>`. */
const ATTRIBUTES_PREFIX = 'userAttributes.';

export const challengeAnswers = {
  // Choice-based sign-in (USER_AUTH): the ANSWER picks a challenge; see selectableChallenges.
  SELECT_CHALLENGE: { required: { answer: 'ANSWER' } },
  PASSWORD: { required: { password: 'PASSWORD' } },
  EMAIL_OTP: { required: { code: 'EMAIL_OTP_CODE' } },
  SMS_OTP: { required: { code: 'SMS_OTP_CODE' } },
  WEB_AUTHN: { required: { credential: 'CREDENTIAL' } },
  // MFA. EMAIL_OTP above is also email MFA after a password.
  SMS_MFA: { required: { code: 'SMS_MFA_CODE' } },
  SOFTWARE_TOKEN_MFA: { required: { code: 'SOFTWARE_TOKEN_MFA_CODE' } },
  SELECT_MFA_TYPE: { required: { answer: 'ANSWER' } },
  // TOTP set up inside sign-in: the proof is the session verifySoftwareToken returned, nothing else.
  MFA_SETUP: {},
  NEW_PASSWORD_REQUIRED: { required: { newPassword: 'NEW_PASSWORD' }, optional: { attributes: ATTRIBUTES_PREFIX } },
  CUSTOM_CHALLENGE: { required: { answer: 'ANSWER' } },
} satisfies Partial<Record<ChallengeNameType, AnswerRule>>;

export type AnswerableChallengeName = keyof typeof challengeAnswers;

/**
 * What SELECT_CHALLENGE's ANSWER may pick, and what the same call carries for it: a password is
 * answered at once; a one-time code is sent by Cognito and answered in the next call; a passkey may
 * be answered at once (with the credential) or in a WEB_AUTHN challenge that brings its options.
 */
export const selectableChallenges = {
  PASSWORD: { required: { password: 'PASSWORD' } },
  // The gateway answers with SRP_A and then the PASSWORD_VERIFIER step itself (srp-sign-in.ts).
  PASSWORD_SRP: { required: { password: 'PASSWORD' } },
  EMAIL_OTP: {},
  SMS_OTP: {},
  WEB_AUTHN: { optional: { credential: 'CREDENTIAL' } },
} satisfies Partial<Record<ChallengeNameType, AnswerRule>>;

const answerMembers: readonly AnswerMember[] = ['code', 'newPassword', 'answer', 'password', 'credential', 'attributes'];

/** An empty attribute list is as good as none (clients send `attributes: []` with every answer). */
const isGiven = (input: AnswerInput, member: AnswerMember) =>
  member === 'attributes' ? (input.attributes?.length ?? 0) > 0 : input[member] != null;

function isAnswerable(name: string): name is AnswerableChallengeName {
  return Object.hasOwn(challengeAnswers, name);
}

function isSelectable(name: string): name is keyof typeof selectableChallenges {
  return Object.hasOwn(selectableChallenges, name);
}

/** A member's value, checked, as the ChallengeResponses entries it fills. */
function entries(member: AnswerMember, key: string, input: AnswerInput): [string, string][] {
  const field = `input.${member}`;
  switch (member) {
    case 'password':
    case 'newPassword':
      return [[key, checkIdentifier('password', input[member]!, field)]];
    case 'code':
      return [[key, checkIdentifier('confirmationCode', input.code!, field)]];
    case 'answer':
      return [[key, checkIdentifier('challengeAnswer', input.answer!, field)]];
    case 'credential':
      return [[key, JSON.stringify(checkPublicKeyCredential(input.credential, field, 'get'))]];
    case 'attributes':
      return checkAttributes(input.attributes!, field).map(({ Name, Value }) => [`${key}${Name}`, Value]);
  }
}

/** The rule for this answer: the challenge's own, and for SELECT_CHALLENGE the picked challenge's too. */
function ruleFor(
  challengeName: string,
  input: AnswerInput,
): { required: Partial<Record<AnswerMember, string>>; optional: Partial<Record<AnswerMember, string>>; answering: string } {
  if (!isAnswerable(challengeName)) throw invalidInput('input.challengeName', `${challengeName} is not answered through this gateway`);
  const rule: AnswerRule = challengeAnswers[challengeName];
  if (challengeName !== 'SELECT_CHALLENGE' || input.answer == null) {
    return { required: { ...rule.required }, optional: { ...rule.optional }, answering: challengeName };
  }
  if (!isSelectable(input.answer)) {
    throw invalidInput('input.answer', `must be one of ${Object.keys(selectableChallenges).join(', ')} to answer SELECT_CHALLENGE`);
  }
  const picked: AnswerRule = selectableChallenges[input.answer];
  return {
    required: { ...rule.required, ...picked.required },
    optional: { ...rule.optional, ...picked.optional },
    answering: `SELECT_CHALLENGE with answer ${input.answer}`,
  };
}

/**
 * The ChallengeResponses of an answer, every member checked: each one the challenge needs is
 * there, none it does not use is given (a code sent as a password would otherwise reach Cognito as
 * nothing at all). SECRET_HASH is the caller's to add.
 */
export function challengeResponses(challengeName: string, username: string, input: AnswerInput): Record<string, string> {
  const { required, optional, answering } = ruleFor(challengeName, input);
  for (const member of answerMembers) {
    const given = isGiven(input, member);
    if (Object.hasOwn(required, member) && !given) throw invalidInput(`input.${member}`, `is required to answer ${answering}`);
    if (given && !Object.hasOwn(required, member) && !Object.hasOwn(optional, member)) {
      throw invalidInput(`input.${member}`, `is not used to answer ${answering}`);
    }
  }
  const responses: Record<string, string> = { USERNAME: username };
  for (const [member, key] of [...Object.entries(required), ...Object.entries(optional)] as [AnswerMember, string][]) {
    if (!isGiven(input, member)) continue;
    for (const [name, value] of entries(member, key, input)) responses[name] = value;
  }
  return responses;
}

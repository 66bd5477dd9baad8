import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';

/**
 * The AuthParameters of a sign-in's first call (InitiateAuth, AdminInitiateAuth), by flow, as the
 * AWS API reference lists them: each flow's own members are required, and a member the flow does
 * not use is refused, before any Cognito call. USERNAME is always sent; SECRET_HASH is the
 * caller's to add.
 */

export type PublicSignInFlow = 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'REFRESH_TOKEN_AUTH' | 'USER_AUTH' | 'CUSTOM_AUTH';
export type AdminSignInFlow = 'ADMIN_USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'REFRESH_TOKEN_AUTH' | 'USER_AUTH' | 'CUSTOM_AUTH';

/**
 * What choice-based sign-in (USER_AUTH) may ask for first. Without one, Cognito answers
 * SELECT_CHALLENGE with the challenges this user can take (AvailableChallenges).
 */
export const preferredChallenges = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;
export type PreferredChallenge = (typeof preferredChallenges)[number];

export interface AuthParametersInput {
  username: string;
  password?: string | null;
  refreshToken?: string | null;
  preferredChallenge?: PreferredChallenge | null;
}

/** PASSWORD and PASSWORD_SRP are proven in the first call (the SRP one by the gateway, srp-sign-in.ts). */
const usesPassword = (challenge: PreferredChallenge | null | undefined) => challenge === 'PASSWORD' || challenge === 'PASSWORD_SRP';

type Member = 'password' | 'refreshToken' | 'preferredChallenge';
const members: readonly Member[] = ['password', 'refreshToken', 'preferredChallenge'];

/** Which input members a flow sends: the ones it needs, and those it may have. */
function membersOf(flow: PublicSignInFlow | AdminSignInFlow, input: AuthParametersInput): { required: Member[]; optional: Member[] } {
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'USER_SRP_AUTH':
      return { required: ['password'], optional: [] };
    case 'REFRESH_TOKEN_AUTH':
      return { required: ['refreshToken'], optional: [] };
    case 'USER_AUTH':
      // A password preferred is proven in the same call: Cognito answers tokens, or the MFA after it.
      return { required: usesPassword(input.preferredChallenge) ? ['password'] : [], optional: ['preferredChallenge'] };
    case 'CUSTOM_AUTH':
      // The Lambda triggers ask for everything else, as CUSTOM_CHALLENGE answers.
      return { required: [], optional: [] };
  }
}

export function authParameters(flow: PublicSignInFlow | AdminSignInFlow, input: AuthParametersInput): Record<string, string> {
  const { required, optional } = membersOf(flow, input);
  const because = flow === 'USER_AUTH' && input.preferredChallenge ? `USER_AUTH with preferredChallenge ${input.preferredChallenge}` : flow;
  for (const member of members) {
    const given = input[member] != null;
    if (required.includes(member) && !given) throw invalidInput(`input.${member}`, `is required for ${because}`);
    if (given && !required.includes(member) && !optional.includes(member))
      throw invalidInput(`input.${member}`, `is not used by ${because}`);
  }
  const parameters: Record<string, string> = { USERNAME: input.username };
  if (input.preferredChallenge != null) parameters['PREFERRED_CHALLENGE'] = input.preferredChallenge;
  if (input.password != null) parameters['PASSWORD'] = checkIdentifier('password', input.password, 'input.password');
  if (input.refreshToken != null) parameters['REFRESH_TOKEN'] = checkIdentifier('token', input.refreshToken, 'input.refreshToken');
  return parameters;
}

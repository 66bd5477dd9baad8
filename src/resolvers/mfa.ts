import type {
  EmailMfaConfigType,
  GetUserPoolMfaConfigResponse,
  SetUserPoolMfaConfigRequest,
  SmsMfaConfigType,
  WebAuthnConfigurationType,
} from '@aws-sdk/client-cognito-identity-provider';
import { refusal } from '../auth/refusal';
import { parseMfaConfig, parseSecretCode } from '../cognito/parse';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { UserKey } from '../domain/keys';
import type { MfaConfigRecord } from '../domain/records';
import { publicFlow } from './auth';
import type { GatewayContext } from './context';
import { signedInUser } from './signed-in';
import { userPoolReference } from './user-pools';
import { userTarget, type UserTargetInput } from './users';

// ---------------------------------------------------------------------------------------------
// The pool's MFA configuration (administrators)
// ---------------------------------------------------------------------------------------------

export async function userPoolMfaConfig(ctx: GatewayContext, pool: { userPoolId: string }): Promise<MfaConfigRecord> {
  return ctx.loaders.mfaConfig.load(pool.userPoolId);
}

type MfaMode = 'OFF' | 'ON' | 'OPTIONAL';

export interface SetUserPoolMfaConfigInput {
  userPoolId: string;
  mfaConfiguration?: MfaMode | null;
  sms?: {
    authenticationMessage?: string | null;
    snsCallerArn?: string | null;
    externalId?: string | null;
    snsRegion?: string | null;
  } | null;
  softwareToken?: { enabled: boolean } | null;
  email?: { message?: string | null; subject?: string | null } | null;
  webAuthn?: {
    relyingPartyId?: string | null;
    userVerification?: 'required' | 'preferred' | null;
    factorConfiguration?: 'SINGLE_FACTOR' | 'MULTI_FACTOR_WITH_USER_VERIFICATION' | null;
  } | null;
}

/** Members the input gives, without the ones it leaves out (null or absent). */
function given<T extends Record<string, unknown>>(members: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(Object.entries(members).filter(([, value]) => value != null)) as Partial<{ [K in keyof T]: NonNullable<T[K]> }>;
}

/** A block is sent only when it says something: Cognito describes an unconfigured method as an empty one. */
function unlessEmpty<T extends object>(block: T | undefined): T | undefined {
  return block && Object.values(block).some((value) => value !== undefined) ? block : undefined;
}

/**
 * SetUserPoolMfaConfig takes each method's block whole, and its reference does not promise to keep
 * a block it is not given. The gateway reads the current configuration and sends it with the
 * input's changes on top, member by member, so a change touches only what it names. The one
 * exception is Cognito's own rule: with MFA OFF it refuses every method block (WebAuthn is no MFA
 * method), so none is carried over then, and giving one is bad input.
 */
export function mergedMfaConfig(current: GetUserPoolMfaConfigResponse, input: SetUserPoolMfaConfigInput): SetUserPoolMfaConfigRequest {
  const mode = input.mfaConfiguration ?? current.MfaConfiguration ?? 'OFF';
  if (mode === 'OFF') refuseMethodsWhileOff(input);
  const sms: SmsMfaConfigType | undefined = input.sms
    ? {
        ...current.SmsMfaConfiguration,
        ...given({ SmsAuthenticationMessage: input.sms.authenticationMessage }),
        SmsConfiguration: unlessEmpty({
          ...current.SmsMfaConfiguration?.SmsConfiguration,
          ...given({ SnsCallerArn: input.sms.snsCallerArn, ExternalId: input.sms.externalId, SnsRegion: input.sms.snsRegion }),
        }) as SmsMfaConfigType['SmsConfiguration'],
      }
    : current.SmsMfaConfiguration;
  const email: EmailMfaConfigType | undefined = input.email
    ? { ...current.EmailMfaConfiguration, ...given({ Message: input.email.message, Subject: input.email.subject }) }
    : current.EmailMfaConfiguration;
  const webAuthn: WebAuthnConfigurationType | undefined = input.webAuthn
    ? {
        ...current.WebAuthnConfiguration,
        ...given({
          RelyingPartyId: input.webAuthn.relyingPartyId,
          UserVerification: input.webAuthn.userVerification,
          FactorConfiguration: input.webAuthn.factorConfiguration,
        }),
      }
    : current.WebAuthnConfiguration;
  const softwareToken = input.softwareToken ? { Enabled: input.softwareToken.enabled } : current.SoftwareTokenMfaConfiguration;
  const methods =
    mode === 'OFF'
      ? {}
      : given({
          SmsMfaConfiguration: unlessEmpty(sms),
          SoftwareTokenMfaConfiguration: unlessEmpty(softwareToken),
          EmailMfaConfiguration: unlessEmpty(email),
        });
  return {
    UserPoolId: input.userPoolId,
    MfaConfiguration: mode,
    ...methods,
    ...given({ WebAuthnConfiguration: unlessEmpty(webAuthn) }),
  };
}

/** Cognito refuses an MFA method's settings with MFA OFF; said before any call when the input itself turns MFA off. */
function refuseMethodsWhileOff(input: SetUserPoolMfaConfigInput): void {
  for (const method of ['sms', 'softwareToken', 'email'] as const) {
    if (input[method]) {
      throw invalidInput(`input.${method}`, 'cannot be set while the pool’s MFA is OFF: set mfaConfiguration to ON or OPTIONAL as well');
    }
  }
}

export async function setUserPoolMfaConfig(ctx: GatewayContext, input: SetUserPoolMfaConfigInput) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  if (input.mfaConfiguration === 'OFF') refuseMethodsWhileOff(input);
  if (input.sms?.snsCallerArn != null) checkIdentifier('roleArn', input.sms.snsCallerArn, 'input.sms.snsCallerArn');
  if (input.webAuthn?.relyingPartyId != null) checkIdentifier('url', input.webAuthn.relyingPartyId, 'input.webAuthn.relyingPartyId');
  const current = await ctx.call('GetUserPoolMfaConfig', { UserPoolId });
  const output = await ctx.call('SetUserPoolMfaConfig', mergedMfaConfig(current, { ...input, userPoolId: UserPoolId }));
  return { mfaConfig: parseMfaConfig(UserPoolId, output), userPool: userPoolReference(UserPoolId) };
}

// ---------------------------------------------------------------------------------------------
// A user's MFA preference: an administrator's for any user, a signed-in user's for itself
// ---------------------------------------------------------------------------------------------

interface MethodPreference {
  enabled?: boolean | null;
  preferred?: boolean | null;
}

export interface MfaPreferenceInput {
  sms?: MethodPreference | null;
  softwareToken?: MethodPreference | null;
  email?: MethodPreference | null;
  webAuthn?: { enabled?: boolean | null } | null;
}

function methodSettings(preference: MethodPreference | null | undefined) {
  if (!preference) return undefined;
  return given({ Enabled: preference.enabled, PreferredMfa: preference.preferred });
}

/** The settings Cognito takes, checked: at least one method named, at most one preferred. */
function preferenceSettings(input: MfaPreferenceInput) {
  const named = (['sms', 'softwareToken', 'email', 'webAuthn'] as const).filter((method) => input[method]);
  if (named.length === 0) throw invalidInput('input', 'name at least one of sms, softwareToken, email or webAuthn');
  const preferred = (['sms', 'softwareToken', 'email'] as const).filter((method) => input[method]?.preferred === true);
  if (preferred.length > 1)
    throw invalidInput(`input.${preferred[1]}.preferred`, `only one method can be preferred (${preferred.join(' and ')} are)`);
  return given({
    SMSMfaSettings: methodSettings(input.sms),
    SoftwareTokenMfaSettings: methodSettings(input.softwareToken),
    EmailMfaSettings: methodSettings(input.email),
    WebAuthnMfaSettings: input.webAuthn ? given({ Enabled: input.webAuthn.enabled }) : undefined,
  });
}

export async function adminSetUserMFAPreference(ctx: GatewayContext, input: UserTargetInput & MfaPreferenceInput): Promise<UserKey> {
  const target = userTarget(input);
  await ctx.call('AdminSetUserMFAPreference', { ...target, ...preferenceSettings(input) });
  return { userPoolId: target.UserPoolId, username: target.Username };
}

export async function setUserMFAPreference(ctx: GatewayContext, input: MfaPreferenceInput) {
  const settings = preferenceSettings(input);
  const { AccessToken } = signedInUser(ctx);
  await ctx.call('SetUserMFAPreference', { AccessToken, ...settings });
  return { preferenceSet: true };
}

export async function adminDeleteSoftwareToken(ctx: GatewayContext, input: UserTargetInput): Promise<UserKey> {
  const target = userTarget(input);
  await ctx.call('AdminDeleteSoftwareToken', target);
  return { userPoolId: target.UserPoolId, username: target.Username };
}

// ---------------------------------------------------------------------------------------------
// Software token (TOTP) set-up: by a signed-in user, or inside sign-in with the challenge's session
// ---------------------------------------------------------------------------------------------

export interface SoftwareTokenCaller {
  /** The MFA_SETUP challenge's session: set-up inside sign-in, a public flow. */
  session?: string | null;
  /** With a session: the app client and user signing in (rate limits, as for every public flow). */
  clientId?: string | null;
  username?: string | null;
}

/**
 * Who proves the set-up: the sign-in session when the input has one (then, as for every public
 * flow, the app client must be one the gateway serves, and the call is rate-limited per client
 * address and username), otherwise the signed-in caller's own access token.
 */
async function softwareTokenProof(ctx: GatewayContext, input: SoftwareTokenCaller): Promise<{ Session: string } | { AccessToken: string }> {
  if (input.session == null) {
    if (ctx.caller.kind === 'anonymous') {
      throw invalidInput('input.session', 'is required unless the caller is signed in (Authorization: Bearer <access token>)');
    }
    if (ctx.caller.kind !== 'user') throw refusal(ctx.caller);
    return { AccessToken: signedInUser(ctx).AccessToken };
  }
  const Session = checkIdentifier('session', input.session, 'input.session');
  if (input.clientId == null) throw invalidInput('input.clientId', 'is required with a session');
  if (input.username == null) throw invalidInput('input.username', 'is required with a session');
  await publicFlow(ctx, { clientId: input.clientId, username: input.username });
  return { Session };
}

export async function associateSoftwareToken(ctx: GatewayContext, input: SoftwareTokenCaller) {
  const proof = await softwareTokenProof(ctx, input);
  // The one call whose TOTP secret the call path keeps: it goes to this caller, once, and nowhere else.
  const output = await ctx.call('AssociateSoftwareToken', proof, { revealSecrets: true });
  return { secretCode: parseSecretCode(output), session: output.Session ?? null, signedIn: 'AccessToken' in proof };
}

export async function verifySoftwareToken(
  ctx: GatewayContext,
  input: SoftwareTokenCaller & { userCode: string; friendlyDeviceName?: string | null },
) {
  const UserCode = checkIdentifier('totpCode', input.userCode, 'input.userCode');
  if (input.friendlyDeviceName != null) checkIdentifier('description', input.friendlyDeviceName, 'input.friendlyDeviceName');
  const proof = await softwareTokenProof(ctx, input);
  const output = await ctx.call('VerifySoftwareToken', {
    ...proof,
    UserCode,
    ...(input.friendlyDeviceName != null ? { FriendlyDeviceName: input.friendlyDeviceName } : {}),
  });
  return { status: output.Status ?? 'SUCCESS', session: output.Session ?? null, signedIn: 'AccessToken' in proof };
}

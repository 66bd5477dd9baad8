/**
 * The records the gateway works with, one shape per thing whatever Cognito call described it.
 * They are parsed from the SDK's output in one place (src/cognito/parse.ts): keys are always
 * there, optional members are absent rather than made up. Where Cognito describes a thing in a
 * summary (a list) and in full (a Describe), the record says which it holds, so a field knows
 * when it has to ask for more.
 */
import type { UserStatus } from './user-status';

export interface AttributeRecord {
  name: string;
  value: string;
}

export interface MfaRecord {
  preferredSetting: string | null;
  enabledSettings: string[];
}

export interface UserRecord {
  userPoolId: string;
  username: string;
  attributes: AttributeRecord[];
  createdAt?: Date;
  updatedAt?: Date;
  enabled?: boolean;
  status?: UserStatus;
  /** Present only when the record came from AdminGetUser or GetUser; list summaries do not carry it. */
  mfa?: MfaRecord;
}

export interface GroupRecord {
  userPoolId: string;
  name: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface PasswordPolicyRecord {
  minimumLength?: number;
  requireUppercase?: boolean;
  requireLowercase?: boolean;
  requireNumbers?: boolean;
  requireSymbols?: boolean;
  passwordHistorySize?: number;
  temporaryPasswordValidityDays?: number;
}

export interface SchemaAttributeRecord {
  name: string;
  dataType?: string;
  mutable?: boolean;
  required?: boolean;
  developerOnly?: boolean;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

/** What ListUserPools tells of a pool. */
export interface UserPoolSummary {
  name: string;
  createdAt?: Date;
  updatedAt?: Date;
}

/** What DescribeUserPool tells of a pool. */
export interface UserPoolDetail extends UserPoolSummary {
  arn?: string;
  estimatedNumberOfUsers?: number;
  /** OFF, ON or OPTIONAL. */
  mfaConfiguration?: string;
  deletionProtection?: boolean;
  /** LITE, ESSENTIALS or PLUS. */
  tier?: string;
  domain?: string;
  customDomain?: string;
  usernameAttributes: string[];
  aliasAttributes: string[];
  autoVerifiedAttributes: string[];
  passwordPolicy?: PasswordPolicyRecord;
  schemaAttributes: SchemaAttributeRecord[];
}

/** A pool known by id, with what has been read of it so far (nothing, for a user's pool). */
export interface UserPoolRecord {
  userPoolId: string;
  summary?: UserPoolSummary;
  detail?: UserPoolDetail;
}

export interface TokenValidityUnitsRecord {
  accessToken?: string;
  idToken?: string;
  refreshToken?: string;
}

/** What ListUserPoolClients tells of a client. */
export interface ClientSummary {
  name: string;
}

/** What DescribeUserPoolClient tells of a client, less its secret (never kept, never returned). */
export interface ClientDetail extends ClientSummary {
  hasSecret: boolean;
  createdAt?: Date;
  updatedAt?: Date;
  explicitAuthFlows: string[];
  allowedOAuthFlows: string[];
  allowedOAuthScopes: string[];
  allowedOAuthFlowsUserPoolClient?: boolean;
  callbackUrls: string[];
  logoutUrls: string[];
  defaultRedirectUri?: string;
  supportedIdentityProviders: string[];
  readAttributes: string[];
  writeAttributes: string[];
  accessTokenValidity?: number;
  idTokenValidity?: number;
  refreshTokenValidity?: number;
  tokenValidityUnits?: TokenValidityUnitsRecord;
  /** Minutes a sign-in session stays valid. */
  authSessionValidity?: number;
  preventUserExistenceErrors?: boolean;
  enableTokenRevocation?: boolean;
}

export interface ClientRecord {
  userPoolId: string;
  clientId: string;
  summary?: ClientSummary;
  detail?: ClientDetail;
}

export interface DeviceRecord {
  userPoolId: string;
  /** Whose device: known for administrative reads; the signed-in user's own for self-service. */
  username: string;
  deviceKey: string;
  attributes: AttributeRecord[];
  createdAt?: Date;
  updatedAt?: Date;
  lastAuthenticatedAt?: Date;
}

export interface ImportJobRecord {
  userPoolId: string;
  jobId: string;
  jobName?: string;
  status?: string;
  /** Where to PUT the CSV file; a credential of its own, shown to administrators only. */
  preSignedUrl?: string;
  cloudWatchLogsRoleArn?: string;
  createdAt?: Date;
  startedAt?: Date;
  completedAt?: Date;
  completionMessage?: string;
  importedUsers?: number;
  skippedUsers?: number;
  failedUsers?: number;
}

export interface CodeDeliveryRecord {
  destination?: string;
  deliveryMedium?: string;
  attributeName?: string;
}

export interface AuthTokensRecord {
  accessToken: string;
  idToken: string | null;
  refreshToken: string | null;
  expiresIn: number | null;
  tokenType: string;
}

export interface AuthChallengeRecord {
  name: string;
  session: string | null;
  parameters: AttributeRecord[];
  /** SELECT_CHALLENGE of choice-based sign-in: the challenges the user may pick from (AvailableChallenges). */
  availableChallenges: string[];
}

/** A sign-in step: tokens when it is done, or the next challenge to answer. */
export interface SignInStepRecord {
  tokens: AuthTokensRecord | null;
  challenge: AuthChallengeRecord | null;
  /** The device this sign-in made and the gateway confirmed, when the pool remembers devices. */
  newDevice?: NewDeviceRecord | null;
}

/** A new device, returned once: what its holder keeps to sign in with it later. `password` is a secret. */
export interface NewDeviceRecord {
  key: string;
  groupKey: string;
  password: string;
  /** The pool remembers devices only when the user says so: then updateDeviceStatus(REMEMBERED). */
  userConfirmationNecessary: boolean;
}

// --- MFA (issue 16) -----------------------------------------------------------------------------

/** A pool's MFA configuration (GetUserPoolMfaConfig); each method is absent when Cognito does not describe it. */
export interface MfaConfigRecord {
  userPoolId: string;
  /** OFF, ON or OPTIONAL. */
  mfaConfiguration?: string;
  sms?: { authenticationMessage?: string; snsCallerArn?: string; externalId?: string; snsRegion?: string };
  softwareToken?: { enabled: boolean };
  email?: { message?: string; subject?: string };
  webAuthn?: { relyingPartyId?: string; userVerification?: string; factorConfiguration?: string };
}

/**
 * An active session of a user (AdminListUserSessions, ListUserSessions): a TOKEN session (one
 * sign-in's refresh token and the tokens it issued) or an SSO session of the managed login,
 * which token sessions can originate from. Known by (userPoolId, username, sessionId).
 */
export interface SessionRecord {
  userPoolId: string;
  /** Whose session: the user read by an administrator, or the signed-in user. */
  username: string;
  sessionId: string;
  /** TOKEN or SSO. */
  sessionType?: string;
  /** The app client the session was opened through. */
  clientId?: string;
  createdAt?: Date;
  lastActiveAt?: Date;
  /** Browser and OS as Cognito describes them (`Chrome 125 / macOS 15.0`). */
  deviceType?: string;
  lastIpAddress?: string;
  lastLocation?: { city?: string; country?: string };
  /** The SSO session a token session came through. */
  originSessionId?: string;
  /** Whether the access token of the request belongs to this session (ListUserSessions only). */
  isCurrentSession?: boolean;
}

/** An access token for a machine client (GetClientToken, client credentials): no user, no refresh token. */
export interface ClientTokenRecord {
  accessToken: string;
  expiresIn: number | null;
  tokenType: string;
}

// --- Sign-in risk and linked identities (issue 16) -----------------------------------------------

/** One sign-in, sign-up or recovery attempt of a user, as threat protection recorded it. */
export interface AuthEventRecord {
  userPoolId: string;
  /** Whose event: the user whose events were listed. */
  username: string;
  eventId: string;
  eventType?: string;
  createdAt?: Date;
  response?: string;
  risk?: { decision?: string; level?: string; compromisedCredentialsDetected?: boolean };
  challengeResponses: { challengeName?: string; response?: string }[];
  context?: { ipAddress?: string; deviceName?: string; timezone?: string; city?: string; country?: string };
  feedback?: { value: string; provider: string; date?: Date };
}

export interface NotifyEmailRecord {
  subject: string;
  htmlBody?: string;
  textBody?: string;
}

export interface AccountTakeoverActionRecord {
  notify: boolean;
  eventAction: string;
}

/** A pool's threat-protection settings, or one app client's (clientId set) that override the pool's. */
export interface RiskConfigurationRecord {
  userPoolId: string;
  clientId?: string;
  lastModifiedAt?: Date;
  compromisedCredentials?: { eventFilter: string[]; eventAction: string };
  accountTakeover?: {
    notify?: {
      from?: string;
      replyTo?: string;
      sourceArn: string;
      blockEmail?: NotifyEmailRecord;
      noActionEmail?: NotifyEmailRecord;
      mfaEmail?: NotifyEmailRecord;
    };
    lowAction?: AccountTakeoverActionRecord;
    mediumAction?: AccountTakeoverActionRecord;
    highAction?: AccountTakeoverActionRecord;
  };
  riskExceptions?: { blockedIpRanges: string[]; skippedIpRanges: string[] };
}

/** A passkey of the signed-in user (ListWebAuthnCredentials). Known by (userPoolId, username, credentialId). */
export interface WebAuthnCredentialRecord {
  userPoolId: string;
  username: string;
  credentialId: string;
  friendlyName: string | null;
  relyingPartyId: string;
  /** platform (built into the device) or cross-platform (a security key, a phone). */
  authenticatorAttachment: string | null;
  /** usb, nfc, ble, internal, hybrid ... as the authenticator reported them. */
  transports: string[];
  createdAt: Date | null;
}

/** How a user can sign in and which MFA it has (GetUserAuthFactors, AdminGetUserAuthFactors). */
export interface AuthFactorsRecord {
  username: string;
  preferredMfa: string | null;
  mfaMethods: string[];
  /** PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN, SOFTWARE_TOKEN: the choice-based sign-in factors the user has set up. */
  configuredFactors: string[];
}

// --- Branding and terms (issue 17) ----------------------------------------------------------------

/** An image of a managed login branding style. */
export interface BrandingAssetRecord {
  category: string;
  colorMode: string;
  extension: string;
  /** The image as Cognito holds it; absent when Cognito answered without it. */
  bytes?: Uint8Array;
  resourceId?: string;
}

/** A managed login branding style (DescribeManagedLoginBranding and kin). Known by (userPoolId, managedLoginBrandingId). */
export interface ManagedLoginBrandingRecord {
  userPoolId: string;
  managedLoginBrandingId: string;
  useCognitoProvidedValues: boolean;
  /** The style's settings document, as Cognito gave it. */
  settings: Record<string, unknown> | null;
  assets: BrandingAssetRecord[];
  createdAt?: Date;
  lastModifiedAt?: Date;
}

/** The classic hosted UI's customization of a pool (ClientId ALL) or of one app client (GetUICustomization). */
export interface UICustomizationRecord {
  userPoolId: string;
  /** The app client whose own settings these are; null when they are the pool's, for every client without its own. */
  clientId: string | null;
  imageUrl?: string;
  css?: string;
  cssVersion?: string;
  createdAt?: Date;
  lastModifiedAt?: Date;
}

/**
 * Terms documents of an app client (DescribeTerms). Known by (userPoolId, termsId). A list
 * (ListTerms) gives only a summary: `detail` is then absent, and read with DescribeTerms when asked for.
 */
export interface TermsRecord {
  userPoolId: string;
  termsId: string;
  /** terms-of-use or privacy-policy. */
  name: string;
  enforcement: string;
  createdAt?: Date;
  lastModifiedAt?: Date;
  detail?: TermsDetail;
}

export interface TermsDetail {
  clientId: string;
  source: string;
  /** URL by language (cognito:default, cognito:spanish, ...). */
  links: Record<string, string>;
}

// Log delivery, replicas and provisioned limits (issue 17)

/** Where one source of a pool's logs goes (GetLogDeliveryConfiguration): one entry per event source. */
export interface LogConfigurationRecord {
  /** userNotification (message delivery errors) or userAuthEvents (threat protection's user activity). */
  eventSource: string;
  /** ERROR or INFO. */
  logLevel: string;
  cloudWatchLogGroupArn: string | null;
  s3BucketArn: string | null;
  firehoseStreamArn: string | null;
}

export interface LogDeliveryConfigurationRecord {
  userPoolId: string;
  logConfigurations: LogConfigurationRecord[];
}

/** A pool's copy in one Region (multi-Region pools). Known by (userPoolId, regionName): a replica keeps its pool's id. */
export interface UserPoolReplicaRecord {
  userPoolId: string;
  regionName: string;
  /** CREATING, ACTIVE, INACTIVE or DELETING. */
  status: string | null;
  /** PRIMARY (where the pool was made) or SECONDARY. */
  role: string | null;
  userPoolArn: string | null;
}

/** The account's request rate for one quota category (GetProvisionedLimit), in requests per second. */
export interface ProvisionedLimitRecord {
  category: string;
  provisionedLimitValue: number;
  freeLimitValue: number;
}

/** A client secret's metadata (ListUserPoolClientSecrets, AddUserPoolClientSecret): never its value. */
export interface ClientSecretRecord {
  userPoolId: string;
  clientId: string;
  /** `<clientId>--<epoch seconds of its creation>`, as DeleteUserPoolClientSecret takes it. */
  clientSecretId: string;
  createdAt: Date | null;
}

/** A pool's session settings (GetUserPoolSessionConfiguration). */
export interface UserPoolSessionConfigurationRecord {
  userPoolId: string;
  userSessionTracking: 'ENABLED' | 'DISABLED';
  /** Active token sessions a user may have across the pool (TokenSession.MaxPerUser). */
  maxTokenSessionsPerUser: number;
}

/** An app client's session settings (GetUserPoolClientSessionConfiguration). */
export interface ClientSessionConfigurationRecord {
  userPoolId: string;
  clientId: string;
  /** How long the client silently reuses an SSO session (SSOSession.MaxValidityMinutes). */
  ssoSessionMaxValidityMinutes: number;
}

/** One tag of a user pool (ListTagsForResource answers them as a map). */
export interface TagRecord {
  key: string;
  value: string;
}
// ---------------------------------------------------------------------------------------------
// Domains, identity providers and resource servers (issue 17)
// ---------------------------------------------------------------------------------------------

/** What DescribeUserPoolDomain tells of a domain. */
export interface UserPoolDomainDetail {
  userPoolId?: string;
  awsAccountId?: string;
  s3Bucket?: string;
  cloudFrontDistribution?: string;
  version?: string;
  /** CREATING, DELETING, UPDATING, ACTIVE or FAILED. */
  status?: string;
  /** 1: the classic hosted UI; 2: managed login. */
  managedLoginVersion?: number;
  /** Set for a custom domain only. */
  certificateArn?: string;
  securityPolicy?: string;
}

/** A pool's domain, known by its name (a prefix such as `my-app`, or a custom domain such as `auth.example.com`). */
export interface UserPoolDomainRecord {
  domain: string;
  /** Known when the domain was reached from its pool. */
  userPoolId?: string;
  /** Whether it is a custom domain (a host of the caller's own, with a certificate), when known without a call. */
  custom?: boolean;
  detail?: UserPoolDomainDetail;
}

/** SAML, OIDC, Google, Facebook, LoginWithAmazon, SignInWithApple; COGNITO for the pool's own directory. */
export type IdentityProviderTypeName = 'SAML' | 'OIDC' | 'Google' | 'Facebook' | 'LoginWithAmazon' | 'SignInWithApple' | 'COGNITO';

/** What ListIdentityProviders tells of a provider. */
export interface IdentityProviderSummary {
  providerType?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface KeyValueRecord {
  key: string;
  value: string;
}

/** What DescribeIdentityProvider tells of a provider, less its secrets (never kept, never returned). */
export interface IdentityProviderDetail extends IdentityProviderSummary {
  /** The provider's settings, without the secret ones (client_secret, private_key). */
  providerDetails: KeyValueRecord[];
  /** Names of the secret settings the provider has: set, never returned. */
  secretProviderDetails: string[];
  /** User pool attribute → the provider's attribute. */
  attributeMapping: KeyValueRecord[];
  idpIdentifiers: string[];
}

/** An identity provider of a pool, known by (userPoolId, providerName), with what has been read of it. */
export interface IdentityProviderRecord {
  userPoolId: string;
  providerName: string;
  summary?: IdentityProviderSummary;
  detail?: IdentityProviderDetail;
}

/** A provider read in full (DescribeIdentityProvider and the writes' answers). */
export type DescribedIdentityProvider = IdentityProviderRecord & { detail: IdentityProviderDetail };

export interface ResourceServerScopeRecord {
  scopeName: string;
  description: string;
}

/** What DescribeResourceServer and ListResourceServers tell of a resource server: all there is. */
export interface ResourceServerDetail {
  name: string;
  scopes: ResourceServerScopeRecord[];
}

/** A resource server (an API whose custom OAuth scopes the pool issues), known by (userPoolId, identifier). */
export interface ResourceServerRecord {
  userPoolId: string;
  identifier: string;
  detail?: ResourceServerDetail;
}

/** A resource server read in full (every answer about one carries all of it). */
export type DescribedResourceServer = ResourceServerRecord & { detail: ResourceServerDetail };

/** An OAuth scope an app client may ask for: a standard one, or `identifier/scope` of a resource server. */
export interface OAuthScopeRecord {
  userPoolId: string;
  /** The scope as tokens and app clients write it (`openid`, `https://api.example.com/orders.read`). */
  name: string;
  /** The resource server's identifier; absent for the standard scopes. */
  resourceServerIdentifier?: string;
  /** The scope's name on its resource server (`orders.read`); the name itself for a standard scope. */
  scopeName: string;
}

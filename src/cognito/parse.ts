import type {
  AdminGetUserResponse,
  AuthenticationResultType,
  CodeDeliveryDetailsType,
  DeviceType,
  GetUserResponse,
  GroupType,
  PasswordPolicyType,
  SessionDescriptionType,
  ClientAuthenticationResultType,
  SchemaAttributeType,
  UserImportJobType,
  UserPoolClientDescription,
  UserPoolClientType,
  UserPoolDescriptionType,
  UserPoolType,
  UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { maskDestination } from '../domain/destination-mask';
import { GatewayError } from '../domain/gateway-error';
import type {
  AttributeRecord,
  ClientDetail,
  ClientRecord,
  CodeDeliveryRecord,
  DeviceRecord,
  GroupRecord,
  ImportJobRecord,
  PasswordPolicyRecord,
  SchemaAttributeRecord,
  SignInStepRecord,
  SessionRecord,
  ClientTokenRecord,
  AuthTokensRecord,
  UserPoolDetail,
  UserPoolRecord,
  UserRecord,
} from '../domain/records';
import type { GetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { MfaConfigRecord } from '../domain/records';
import type { GetUserAuthFactorsResponse, WebAuthnCredentialDescription } from '@aws-sdk/client-cognito-identity-provider';
import type { AuthFactorsRecord, WebAuthnCredentialRecord } from '../domain/records';
import type {
  ManagedLoginBrandingType,
  TermsDescriptionType,
  TermsType,
  UICustomizationType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ManagedLoginBrandingRecord, TermsRecord, UICustomizationRecord } from '../domain/records';
import type {
  ClientSecretDescriptorType,
  GetUserPoolClientSessionConfigurationResponse,
  GetUserPoolSessionConfigurationResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type {
  ClientSecretRecord,
  ClientSessionConfigurationRecord,
  TagRecord,
  UserPoolSessionConfigurationRecord,
} from '../domain/records';
// Domains, identity providers and resource servers (issue 17)
import type { DomainDescriptionType, ProviderDescription, ResourceServerType } from '@aws-sdk/client-cognito-identity-provider';
import type {
  DescribedIdentityProvider,
  DescribedResourceServer,
  IdentityProviderRecord,
  KeyValueRecord,
  UserPoolDomainRecord,
} from '../domain/records';
import { secretProviderDetails, type RedactedIdentityProvider } from './redaction';
import { toUserStatus } from '../domain/user-status';
import type { RedactedClient } from './redaction';
// Sign-in risk and linked identities (issue 16)
import type {
  AccountTakeoverActionType,
  AuthEventType,
  NotifyEmailType,
  RiskConfigurationType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AccountTakeoverActionRecord, AuthEventRecord, NotifyEmailRecord, RiskConfigurationRecord } from '../domain/records';
// Log delivery, replicas and provisioned limits (issue 17)
import type { LimitType, LogDeliveryConfigurationType, UserPoolReplicaType } from '@aws-sdk/client-cognito-identity-provider';
import type { LogDeliveryConfigurationRecord, ProvisionedLimitRecord, UserPoolReplicaRecord } from '../domain/records';

/**
 * SDK output → the domain's records, in one place. Cognito's shapes say every member is
 * optional; a key the gateway needs (a username, a group name, an id) that is missing is an
 * error here, never an empty string further up.
 */
function required<Value>(value: Value | undefined | null, member: string): Value {
  if (value === undefined || value === null || value === '') {
    throw new GatewayError('COGNITO_BAD_RESPONSE', `Cognito answered without ${member}.`);
  }
  return value;
}

function attributes(list: { Name?: string; Value?: string }[] | undefined): AttributeRecord[] {
  return (list ?? []).flatMap(({ Name, Value }) => (Name === undefined ? [] : [{ name: Name, value: Value ?? '' }]));
}

/** A user of a list (ListUsers, ListUsersInGroup) or of AdminCreateUser. */
export function parseUser(userPoolId: string, user: UserType): UserRecord {
  return {
    userPoolId,
    username: required(user.Username, 'a user’s Username'),
    attributes: attributes(user.Attributes),
    createdAt: user.UserCreateDate,
    updatedAt: user.UserLastModifiedDate,
    enabled: user.Enabled,
    status: toUserStatus(user.UserStatus),
  };
}

/** AdminGetUser and GetUser answer what a list does, with attributes under another name, plus MFA settings. */
export function parseUserDetail(userPoolId: string, user: AdminGetUserResponse | GetUserResponse): UserRecord {
  const { UserAttributes, ...rest } = user;
  return {
    ...parseUser(userPoolId, { ...rest, Attributes: UserAttributes }),
    mfa: { preferredSetting: user.PreferredMfaSetting ?? null, enabledSettings: user.UserMFASettingList ?? [] },
  };
}

export function parseGroup(userPoolId: string, group: GroupType): GroupRecord {
  return {
    userPoolId,
    name: required(group.GroupName, 'a group’s GroupName'),
    description: group.Description,
    precedence: group.Precedence,
    roleArn: group.RoleArn,
    createdAt: group.CreationDate,
    updatedAt: group.LastModifiedDate,
  };
}

export function parseUserPoolSummary(pool: UserPoolDescriptionType): UserPoolRecord {
  return {
    userPoolId: required(pool.Id, 'a pool’s Id'),
    summary: { name: required(pool.Name, 'a pool’s Name'), createdAt: pool.CreationDate, updatedAt: pool.LastModifiedDate },
  };
}

function passwordPolicy(policy: PasswordPolicyType | undefined): PasswordPolicyRecord | undefined {
  if (!policy) return undefined;
  return {
    minimumLength: policy.MinimumLength,
    requireUppercase: policy.RequireUppercase,
    requireLowercase: policy.RequireLowercase,
    requireNumbers: policy.RequireNumbers,
    requireSymbols: policy.RequireSymbols,
    passwordHistorySize: policy.PasswordHistorySize,
    temporaryPasswordValidityDays: policy.TemporaryPasswordValidityDays,
  };
}

/** Cognito gives attribute constraints as strings; an empty one means no constraint. */
const numberOrUndefined = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));

function schemaAttribute(attribute: SchemaAttributeType): SchemaAttributeRecord {
  return {
    name: required(attribute.Name, 'a schema attribute’s Name'),
    dataType: attribute.AttributeDataType,
    mutable: attribute.Mutable,
    required: attribute.Required,
    developerOnly: attribute.DeveloperOnlyAttribute,
    minLength: numberOrUndefined(attribute.StringAttributeConstraints?.MinLength),
    maxLength: numberOrUndefined(attribute.StringAttributeConstraints?.MaxLength),
    minValue: numberOrUndefined(attribute.NumberAttributeConstraints?.MinValue),
    maxValue: numberOrUndefined(attribute.NumberAttributeConstraints?.MaxValue),
  };
}

export function parseUserPoolDetail(pool: UserPoolType): UserPoolDetail {
  return {
    name: required(pool.Name, 'a pool’s Name'),
    createdAt: pool.CreationDate,
    updatedAt: pool.LastModifiedDate,
    arn: pool.Arn,
    estimatedNumberOfUsers: pool.EstimatedNumberOfUsers,
    mfaConfiguration: pool.MfaConfiguration,
    deletionProtection: pool.DeletionProtection === undefined ? undefined : pool.DeletionProtection === 'ACTIVE',
    tier: pool.UserPoolTier,
    domain: pool.Domain,
    customDomain: pool.CustomDomain,
    usernameAttributes: pool.UsernameAttributes ?? [],
    aliasAttributes: pool.AliasAttributes ?? [],
    autoVerifiedAttributes: pool.AutoVerifiedAttributes ?? [],
    passwordPolicy: passwordPolicy(pool.Policies?.PasswordPolicy),
    schemaAttributes: (pool.SchemaAttributes ?? []).map(schemaAttribute),
  };
}

/** A pool Cognito described in full (DescribeUserPool, CreateUserPool). */
export function parseUserPool(pool: UserPoolType): UserPoolRecord {
  return { userPoolId: required(pool.Id, 'a pool’s Id'), detail: parseUserPoolDetail(pool) };
}

export function parseClientSummary(userPoolId: string, client: UserPoolClientDescription): ClientRecord {
  return {
    userPoolId,
    clientId: required(client.ClientId, 'an app client’s ClientId'),
    summary: { name: required(client.ClientName, 'an app client’s ClientName') },
  };
}

/** A client description whose secret the call path has already taken out (see redaction.ts). */
export function parseClientDetail(client: RedactedClient | UserPoolClientType): ClientDetail {
  return {
    name: required(client.ClientName, 'an app client’s ClientName'),
    hasSecret: (client as RedactedClient).HasClientSecret === true || Boolean((client as UserPoolClientType).ClientSecret),
    createdAt: client.CreationDate,
    updatedAt: client.LastModifiedDate,
    explicitAuthFlows: client.ExplicitAuthFlows ?? [],
    allowedOAuthFlows: client.AllowedOAuthFlows ?? [],
    allowedOAuthScopes: client.AllowedOAuthScopes ?? [],
    allowedOAuthFlowsUserPoolClient: client.AllowedOAuthFlowsUserPoolClient,
    callbackUrls: client.CallbackURLs ?? [],
    logoutUrls: client.LogoutURLs ?? [],
    defaultRedirectUri: client.DefaultRedirectURI,
    supportedIdentityProviders: client.SupportedIdentityProviders ?? [],
    readAttributes: client.ReadAttributes ?? [],
    writeAttributes: client.WriteAttributes ?? [],
    accessTokenValidity: client.AccessTokenValidity,
    idTokenValidity: client.IdTokenValidity,
    refreshTokenValidity: client.RefreshTokenValidity,
    tokenValidityUnits: client.TokenValidityUnits
      ? {
          accessToken: client.TokenValidityUnits.AccessToken,
          idToken: client.TokenValidityUnits.IdToken,
          refreshToken: client.TokenValidityUnits.RefreshToken,
        }
      : undefined,
    authSessionValidity: client.AuthSessionValidity,
    preventUserExistenceErrors:
      client.PreventUserExistenceErrors === undefined ? undefined : client.PreventUserExistenceErrors === 'ENABLED',
    enableTokenRevocation: client.EnableTokenRevocation,
  };
}

export function parseClient(userPoolId: string, client: RedactedClient | UserPoolClientType): ClientRecord {
  return { userPoolId, clientId: required(client.ClientId, 'an app client’s ClientId'), detail: parseClientDetail(client) };
}

export function parseDevice(owner: { userPoolId: string; username: string }, device: DeviceType): DeviceRecord {
  return {
    ...owner,
    deviceKey: required(device.DeviceKey, 'a device’s DeviceKey'),
    attributes: attributes(device.DeviceAttributes),
    createdAt: device.DeviceCreateDate,
    updatedAt: device.DeviceLastModifiedDate,
    lastAuthenticatedAt: device.DeviceLastAuthenticatedDate,
  };
}

export function parseImportJob(userPoolId: string, job: UserImportJobType): ImportJobRecord {
  return {
    userPoolId,
    jobId: required(job.JobId, 'an import job’s JobId'),
    jobName: job.JobName,
    status: job.Status,
    preSignedUrl: job.PreSignedUrl,
    cloudWatchLogsRoleArn: job.CloudWatchLogsRoleArn,
    createdAt: job.CreationDate,
    startedAt: job.StartDate,
    completedAt: job.CompletionDate,
    completionMessage: job.CompletionMessage,
    importedUsers: job.ImportedUsers,
    skippedUsers: job.SkippedUsers,
    failedUsers: job.FailedUsers,
  };
}

/** Where Cognito sent a code, the destination masked as AWS masks it (the emulator does not). */
export function parseCodeDelivery(details: CodeDeliveryDetailsType | undefined): CodeDeliveryRecord | null {
  if (!details) return null;
  return {
    destination: details.Destination === undefined ? undefined : maskDestination(details.Destination),
    deliveryMedium: details.DeliveryMedium,
    attributeName: details.AttributeName,
  };
}

/** InitiateAuth and RespondToAuthChallenge (public or server-side): tokens, or the next challenge. */
export function parseSignInStep(output: {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AvailableChallenges?: string[];
}): SignInStepRecord {
  const result = output.AuthenticationResult;
  return {
    tokens: result?.AccessToken
      ? {
          accessToken: result.AccessToken,
          idToken: result.IdToken ?? null,
          refreshToken: result.RefreshToken ?? null,
          expiresIn: result.ExpiresIn ?? null,
          tokenType: result.TokenType ?? 'Bearer',
        }
      : null,
    challenge: output.ChallengeName
      ? {
          name: output.ChallengeName,
          session: output.Session ?? null,
          parameters: Object.entries(output.ChallengeParameters ?? {}).map(([name, value]) => ({
            name,
            // Where an MFA code went (SMS_MFA, EMAIL_OTP): masked like every other destination.
            value: name === 'CODE_DELIVERY_DESTINATION' ? maskDestination(value) : value,
          })),
          availableChallenges: output.AvailableChallenges ?? [],
        }
      : null,
  };
}

// --- MFA (issue 16) -----------------------------------------------------------------------------

/** GetUserPoolMfaConfig and SetUserPoolMfaConfig answer the same shape; every member is optional. */
export function parseMfaConfig(userPoolId: string, config: GetUserPoolMfaConfigResponse): MfaConfigRecord {
  const sms = config.SmsMfaConfiguration;
  const email = config.EmailMfaConfiguration;
  const webAuthn = config.WebAuthnConfiguration;
  return {
    userPoolId,
    mfaConfiguration: config.MfaConfiguration,
    sms: sms && {
      authenticationMessage: sms.SmsAuthenticationMessage,
      snsCallerArn: sms.SmsConfiguration?.SnsCallerArn,
      externalId: sms.SmsConfiguration?.ExternalId,
      snsRegion: sms.SmsConfiguration?.SnsRegion,
    },
    softwareToken: config.SoftwareTokenMfaConfiguration && { enabled: config.SoftwareTokenMfaConfiguration.Enabled ?? false },
    email: email && { message: email.Message, subject: email.Subject },
    webAuthn: webAuthn && {
      relyingPartyId: webAuthn.RelyingPartyId,
      userVerification: webAuthn.UserVerification,
      factorConfiguration: webAuthn.FactorConfiguration,
    },
  };
}

/** AssociateSoftwareToken's secret (kept by the call path for this one caller, see redaction.ts). */
export function parseSecretCode(output: { SecretCode?: string }): string {
  return required(output.SecretCode, 'the SecretCode of the new software token');
}

export function parseSession(owner: { userPoolId: string; username: string }, session: SessionDescriptionType): SessionRecord {
  const location = session.LastLocation;
  return {
    ...owner,
    sessionId: required(session.SessionId, 'a session’s SessionId'),
    sessionType: session.SessionType,
    clientId: session.ClientId,
    createdAt: session.CreateDate,
    lastActiveAt: session.LastActiveDate,
    deviceType: session.DeviceType,
    lastIpAddress: session.LastIPAddress,
    lastLocation: location ? { city: location.City, country: location.Country } : undefined,
    originSessionId: session.OriginSessionId,
    isCurrentSession: session.IsCurrentSession,
  };
}

/** The tokens of a refresh (GetTokensFromRefreshToken): a refresh token too when the client rotates them. */
export function parseRefreshedTokens(result: AuthenticationResultType | undefined): AuthTokensRecord {
  return {
    accessToken: required(result?.AccessToken, 'AuthenticationResult.AccessToken'),
    idToken: result?.IdToken ?? null,
    refreshToken: result?.RefreshToken ?? null,
    expiresIn: result?.ExpiresIn ?? null,
    tokenType: result?.TokenType ?? 'Bearer',
  };
}

export function parseClientToken(result: ClientAuthenticationResultType | undefined): ClientTokenRecord {
  return {
    accessToken: required(result?.AccessToken, 'ClientAuthenticationResult.AccessToken'),
    expiresIn: result?.ExpiresIn ?? null,
    tokenType: result?.TokenType ?? 'Bearer',
  };
}

// --- Sign-in risk and linked identities (issue 16) -----------------------------------------------

/** An event of AdminListUserAuthEvents, of the user whose events were listed. */
export function parseAuthEvent(owner: { userPoolId: string; username: string }, event: AuthEventType): AuthEventRecord {
  const { EventRisk: risk, EventContextData: context, EventFeedback: feedback } = event;
  return {
    userPoolId: owner.userPoolId,
    username: owner.username,
    eventId: required(event.EventId, 'an auth event’s EventId'),
    eventType: event.EventType,
    createdAt: event.CreationDate,
    response: event.EventResponse,
    risk: risk && {
      decision: risk.RiskDecision,
      level: risk.RiskLevel,
      compromisedCredentialsDetected: risk.CompromisedCredentialsDetected,
    },
    challengeResponses: (event.ChallengeResponses ?? []).map((c) => ({ challengeName: c.ChallengeName, response: c.ChallengeResponse })),
    context: context && {
      ipAddress: context.IpAddress,
      deviceName: context.DeviceName,
      timezone: context.Timezone,
      city: context.City,
      country: context.Country,
    },
    feedback: feedback && {
      value: required(feedback.FeedbackValue, 'an auth event feedback’s FeedbackValue'),
      provider: required(feedback.Provider, 'an auth event feedback’s Provider'),
      date: feedback.FeedbackDate,
    },
  };
}

function notifyEmail(email: NotifyEmailType | undefined): NotifyEmailRecord | undefined {
  return email && { subject: required(email.Subject, 'a notify email’s Subject'), htmlBody: email.HtmlBody, textBody: email.TextBody };
}

function takeoverAction(action: AccountTakeoverActionType | undefined): AccountTakeoverActionRecord | undefined {
  return (
    action && {
      notify: required(action.Notify, 'an account takeover action’s Notify'),
      eventAction: required(action.EventAction, 'an account takeover action’s EventAction'),
    }
  );
}

/** DescribeRiskConfiguration's or SetRiskConfiguration's answer; `userPoolId` is the pool asked about. */
export function parseRiskConfiguration(userPoolId: string, risk: RiskConfigurationType): RiskConfigurationRecord {
  const credentials = risk.CompromisedCredentialsRiskConfiguration;
  const takeover = risk.AccountTakeoverRiskConfiguration;
  const notify = takeover?.NotifyConfiguration;
  const exceptions = risk.RiskExceptionConfiguration;
  return {
    userPoolId: risk.UserPoolId ?? userPoolId,
    clientId: risk.ClientId,
    lastModifiedAt: risk.LastModifiedDate,
    compromisedCredentials: credentials && {
      eventFilter: credentials.EventFilter ?? [],
      eventAction: required(credentials.Actions?.EventAction, 'a compromised credentials configuration’s EventAction'),
    },
    accountTakeover: takeover && {
      notify: notify && {
        from: notify.From,
        replyTo: notify.ReplyTo,
        sourceArn: required(notify.SourceArn, 'a notify configuration’s SourceArn'),
        blockEmail: notifyEmail(notify.BlockEmail),
        noActionEmail: notifyEmail(notify.NoActionEmail),
        mfaEmail: notifyEmail(notify.MfaEmail),
      },
      lowAction: takeoverAction(takeover.Actions?.LowAction),
      mediumAction: takeoverAction(takeover.Actions?.MediumAction),
      highAction: takeoverAction(takeover.Actions?.HighAction),
    },
    riskExceptions: exceptions && {
      blockedIpRanges: exceptions.BlockedIPRangeList ?? [],
      skippedIpRanges: exceptions.SkippedIPRangeList ?? [],
    },
  };
}

export function parseWebAuthnCredential(
  owner: { userPoolId: string; username: string },
  credential: WebAuthnCredentialDescription,
): WebAuthnCredentialRecord {
  return {
    ...owner,
    credentialId: required(credential.CredentialId, 'a passkey’s CredentialId'),
    friendlyName: credential.FriendlyCredentialName ?? null,
    relyingPartyId: required(credential.RelyingPartyId, 'a passkey’s RelyingPartyId'),
    authenticatorAttachment: credential.AuthenticatorAttachment ?? null,
    transports: credential.AuthenticatorTransports ?? [],
    createdAt: credential.CreatedAt ?? null,
  };
}

/** GetUserAuthFactors and AdminGetUserAuthFactors answer the same shape. */
export function parseAuthFactors(output: GetUserAuthFactorsResponse): AuthFactorsRecord {
  return {
    username: required(output.Username, 'Username'),
    preferredMfa: output.PreferredMfaSetting ?? null,
    mfaMethods: output.UserMFASettingList ?? [],
    configuredFactors: output.ConfiguredUserAuthFactors ?? [],
  };
}

/** The options StartWebAuthnRegistration made: a JSON object the browser passes to navigator.credentials.create(). */
export function parseCredentialCreationOptions(document: unknown): Record<string, unknown> {
  const options = required(document, 'CredentialCreationOptions');
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new GatewayError('COGNITO_BAD_RESPONSE', 'Cognito answered CredentialCreationOptions that are not a JSON object.');
  }
  return options as Record<string, unknown>;
}

// --- Branding and terms (issue 17) -----------------------------------------------------------

/** A managed login branding style, from any of its operations; `userPoolId` is the pool asked about. */
export function parseManagedLoginBranding(userPoolId: string, branding: ManagedLoginBrandingType): ManagedLoginBrandingRecord {
  const settings = branding.Settings;
  return {
    userPoolId: branding.UserPoolId ?? userPoolId,
    managedLoginBrandingId: required(branding.ManagedLoginBrandingId, 'a branding style’s ManagedLoginBrandingId'),
    useCognitoProvidedValues: branding.UseCognitoProvidedValues ?? false,
    settings: settings !== null && typeof settings === 'object' && !Array.isArray(settings) ? (settings as Record<string, unknown>) : null,
    assets: (branding.Assets ?? []).map((asset) => ({
      category: required(asset.Category, 'an asset’s Category'),
      colorMode: required(asset.ColorMode, 'an asset’s ColorMode'),
      extension: required(asset.Extension, 'an asset’s Extension'),
      ...(asset.Bytes ? { bytes: asset.Bytes } : {}),
      ...(asset.ResourceId ? { resourceId: asset.ResourceId } : {}),
    })),
    createdAt: branding.CreationDate,
    lastModifiedAt: branding.LastModifiedDate,
  };
}

/** GetUICustomization's or SetUICustomization's answer. Cognito names the pool's own settings ClientId ALL. */
export function parseUICustomization(userPoolId: string, customization: UICustomizationType | undefined): UICustomizationRecord {
  const clientId = customization?.ClientId;
  return {
    userPoolId: customization?.UserPoolId ?? userPoolId,
    clientId: clientId === undefined || clientId === 'ALL' ? null : clientId,
    imageUrl: customization?.ImageUrl,
    css: customization?.CSS,
    cssVersion: customization?.CSSVersion,
    createdAt: customization?.CreationDate,
    lastModifiedAt: customization?.LastModifiedDate,
  };
}

/** Terms documents in full (CreateTerms, DescribeTerms, DescribeTermsByClient, UpdateTerms). */
export function parseTerms(userPoolId: string, terms: TermsType): TermsRecord {
  return {
    ...parseTermsSummary(terms.UserPoolId ?? userPoolId, terms),
    detail: {
      clientId: required(terms.ClientId, 'terms’ ClientId'),
      source: required(terms.TermsSource, 'terms’ TermsSource'),
      links: terms.Links ?? {},
    },
  };
}

/** Terms documents as ListTerms gives them: no client, source or links. */
export function parseTermsSummary(userPoolId: string, terms: TermsDescriptionType): TermsRecord {
  return {
    userPoolId,
    termsId: required(terms.TermsId, 'terms’ TermsId'),
    name: required(terms.TermsName, 'terms’ TermsName'),
    enforcement: required(terms.Enforcement, 'terms’ Enforcement'),
    createdAt: terms.CreationDate,
    lastModifiedAt: terms.LastModifiedDate,
  };
}

// Log delivery, replicas and provisioned limits (issue 17)

/** A pool's log delivery; a pool that never set one may be answered without any (no entries, then). */
export function parseLogDeliveryConfiguration(
  userPoolId: string,
  configuration: LogDeliveryConfigurationType | undefined,
): LogDeliveryConfigurationRecord {
  return {
    userPoolId: configuration?.UserPoolId ?? userPoolId,
    logConfigurations: (configuration?.LogConfigurations ?? []).map((entry) => ({
      eventSource: required(entry.EventSource, 'a log configuration’s EventSource'),
      logLevel: required(entry.LogLevel, 'a log configuration’s LogLevel'),
      cloudWatchLogGroupArn: entry.CloudWatchLogsConfiguration?.LogGroupArn ?? null,
      s3BucketArn: entry.S3Configuration?.BucketArn ?? null,
      firehoseStreamArn: entry.FirehoseConfiguration?.StreamArn ?? null,
    })),
  };
}

/** A replica of `userPoolId`; its Region is its key, so it is required. */
export function parseUserPoolReplica(userPoolId: string, replica: UserPoolReplicaType | undefined): UserPoolReplicaRecord {
  return {
    userPoolId,
    regionName: required(replica?.RegionName, 'a replica’s RegionName'),
    status: replica?.Status ?? null,
    role: replica?.Role ?? null,
    userPoolArn: replica?.UserPoolArn ?? null,
  };
}

/** GetProvisionedLimit's and UpdateProvisionedLimit's answer; `category` is the one asked about. */
export function parseProvisionedLimit(category: string, limit: LimitType | undefined): ProvisionedLimitRecord {
  const answered = required(limit, 'Limit');
  return {
    category: answered.LimitDefinition?.Attributes?.['Category'] ?? category,
    provisionedLimitValue: required(answered.ProvisionedLimitValue, 'the limit’s ProvisionedLimitValue'),
    freeLimitValue: required(answered.FreeLimitValue, 'the limit’s FreeLimitValue'),
  };
}

// ---------------------------------------------------------------------------------------------
// Client secrets, session configuration and tags (issue 17)
// ---------------------------------------------------------------------------------------------

/** A secret's metadata; its value, if Cognito sent one, is not taken (the caller reads it from the output itself). */
export function parseClientSecret(
  client: { userPoolId: string; clientId: string },
  secret: ClientSecretDescriptorType,
): ClientSecretRecord {
  return {
    userPoolId: client.userPoolId,
    clientId: client.clientId,
    clientSecretId: required(secret.ClientSecretId, 'a client secret’s ClientSecretId'),
    createdAt: secret.ClientSecretCreateDate ?? null,
  };
}

/**
 * Get and Set answer the same shape. Cognito documents what a pool never configured reads as
 * (tracking DISABLED, 20 sessions per user); a member it leaves out is taken as that default.
 */
export function parseUserPoolSessionConfiguration(
  userPoolId: string,
  output: GetUserPoolSessionConfigurationResponse,
): UserPoolSessionConfigurationRecord {
  return {
    userPoolId,
    userSessionTracking: output.UserSessionTracking ?? 'DISABLED',
    maxTokenSessionsPerUser: output.TokenSession?.MaxPerUser ?? 20,
  };
}

/** Get and Set answer the same shape; a client never configured reads as 60 minutes (Cognito's default). */
export function parseClientSessionConfiguration(
  client: { userPoolId: string; clientId: string },
  output: GetUserPoolClientSessionConfigurationResponse,
): ClientSessionConfigurationRecord {
  return { ...client, ssoSessionMaxValidityMinutes: output.SSOSession?.MaxValidityMinutes ?? 60 };
}

/** ListTagsForResource's map as a list, in key order (a map has no order of its own to keep). */
export function parseTags(tags: Record<string, string> | undefined): TagRecord[] {
  return Object.entries(tags ?? {})
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Domains, identity providers and resource servers (issue 17)
// ---------------------------------------------------------------------------------------------

/** DescribeUserPoolDomain answers an empty description for a domain no pool has: that is null here. */
export function parseUserPoolDomain(description: DomainDescriptionType | undefined): UserPoolDomainRecord | null {
  if (!description || (description.Domain === undefined && description.UserPoolId === undefined)) return null;
  return {
    domain: required(description.Domain, 'a domain’s Domain'),
    userPoolId: description.UserPoolId,
    custom: description.CustomDomainConfig !== undefined,
    detail: {
      userPoolId: description.UserPoolId,
      awsAccountId: description.AWSAccountId,
      s3Bucket: description.S3Bucket,
      cloudFrontDistribution: description.CloudFrontDistribution,
      version: description.Version,
      status: description.Status,
      managedLoginVersion: description.ManagedLoginVersion,
      certificateArn: description.CustomDomainConfig?.CertificateArn,
      securityPolicy: description.CustomDomainConfig?.SecurityPolicy,
    },
  };
}

const keyValues = (map: Record<string, string> | undefined): KeyValueRecord[] =>
  Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));

/** A provider of ListIdentityProviders: its name, type and dates. */
export function parseIdentityProviderSummary(userPoolId: string, provider: ProviderDescription): IdentityProviderRecord {
  return {
    userPoolId,
    providerName: required(provider.ProviderName, 'an identity provider’s ProviderName'),
    summary: { providerType: provider.ProviderType, createdAt: provider.CreationDate, updatedAt: provider.LastModifiedDate },
  };
}

/** A provider description whose secret details the call path has already taken out (see redaction.ts). */
export function parseIdentityProvider(userPoolId: string, provider: RedactedIdentityProvider): DescribedIdentityProvider {
  const secrets = new Set(secretProviderDetails);
  return {
    userPoolId,
    providerName: required(provider.ProviderName, 'an identity provider’s ProviderName'),
    detail: {
      providerType: provider.ProviderType,
      createdAt: provider.CreationDate,
      updatedAt: provider.LastModifiedDate,
      // Secrets are gone already; filtering again keeps them out should a caller pass an unredacted answer.
      providerDetails: keyValues(provider.ProviderDetails).filter((entry) => !secrets.has(entry.key)),
      secretProviderDetails: [
        ...new Set([
          ...(provider.RedactedProviderDetails ?? []),
          ...Object.keys(provider.ProviderDetails ?? {}).filter((key) => secrets.has(key)),
        ]),
      ],
      attributeMapping: keyValues(provider.AttributeMapping),
      idpIdentifiers: provider.IdpIdentifiers ?? [],
    },
  };
}

export function parseResourceServer(userPoolId: string, server: ResourceServerType): DescribedResourceServer {
  return {
    userPoolId,
    identifier: required(server.Identifier, 'a resource server’s Identifier'),
    detail: {
      name: required(server.Name, 'a resource server’s Name'),
      scopes: (server.Scopes ?? []).map((scope) => ({
        scopeName: required(scope.ScopeName, 'a scope’s ScopeName'),
        description: scope.ScopeDescription ?? '',
      })),
    },
  };
}

/**
 * Every code the gateway can return in `extensions.code` (and in a mutation error's `code`), in
 * one table: what it means, the HTTP status it stands for, whether the same request can succeed
 * if retried, and which Cognito exceptions it is the answer to. A code or an exception missing
 * here does not compile where it is used.
 *
 * `source` says who raises it: `cognito` codes are Cognito's own answers (its message is kept),
 * `gateway` codes the gateway's checks and limits, `graphql` codes the GraphQL server's parser and
 * validator. Only `gateway` refusals of a whole request (`refusesRequest`), raised before
 * execution, set the HTTP status of the response; the same code at a field's path, and everything
 * else, travels in a 200 response beside whatever data there is (the GraphQL-over-HTTP spec).
 */
export interface CodeSpec {
  meaning: string;
  /** The HTTP status the code stands for (its class: 4xx the caller's to fix, 5xx the service's). */
  status: number;
  /** Whether sending the same request again, later, can succeed. */
  retry: boolean;
  source: 'cognito' | 'gateway' | 'graphql';
  /** Cognito exceptions answered with this code. */
  exceptions?: readonly string[];
  /** A refusal by the gateway itself that sets the HTTP status of the response. */
  refusesRequest?: boolean;
}

export const gatewayCodes = {
  // --- Input and query shape -------------------------------------------------------------------
  BAD_USER_INPUT: {
    meaning: 'An argument or input field is invalid; `field` names it. Checked before any Cognito call where it can be.',
    status: 400,
    retry: false,
    source: 'gateway',
    exceptions: ['InvalidParameterException'],
  },
  INVALID_CURSOR: {
    meaning: 'A cursor was not issued by this gateway, was altered, or belongs to another connection.',
    status: 400,
    retry: false,
    source: 'gateway',
  },
  CONNECTION_TOO_LARGE: {
    meaning: '`first` is above MAX_CONNECTION_SIZE; ask for fewer and page on with `after`.',
    status: 400,
    retry: false,
    source: 'gateway',
  },
  PAGE_LIMIT_REACHED: {
    meaning: 'Cognito returned too many short or empty pages to fill the connection; narrow the filter or ask for fewer.',
    status: 400,
    retry: false,
    source: 'gateway',
  },
  QUERY_TOO_DEEP: { meaning: 'The query nests deeper than MAX_DEPTH.', status: 400, retry: false, source: 'gateway' },
  TOO_MANY_ALIASES: { meaning: 'The query has more aliases than MAX_ALIASES.', status: 400, retry: false, source: 'gateway' },
  QUERY_TOO_LONG: { meaning: 'The query has more tokens than MAX_TOKENS.', status: 400, retry: false, source: 'gateway' },
  TOO_MANY_DIRECTIVES: { meaning: 'The query has more directives than MAX_DIRECTIVES.', status: 400, retry: false, source: 'gateway' },
  QUERY_TOO_COMPLEX: {
    meaning:
      'The query may cost more than MAX_COMPLEXITY (a connection costs `first` times its selection); refused at each root field, before any call.',
    status: 400,
    retry: false,
    source: 'gateway',
  },
  CALL_BUDGET_EXCEEDED: {
    meaning:
      'The request would make, or has made, more Cognito calls than MAX_CALLS_PER_REQUEST allows across all its operations (fields that need a call per item count once per item); refused as a whole before any call when the estimate is over, else at the field whose call was not sent.',
    status: 400,
    retry: false,
    source: 'gateway',
    refusesRequest: true,
  },
  BAD_REQUEST: {
    meaning: 'The HTTP request is not a GraphQL request this server takes (method, headers, body).',
    status: 400,
    retry: false,
    source: 'gateway',
    refusesRequest: true,
  },
  REQUEST_TOO_LARGE: {
    meaning: 'The request body is over MAX_BODY_BYTES.',
    status: 413,
    retry: false,
    source: 'gateway',
    refusesRequest: true,
  },
  GRAPHQL_PARSE_FAILED: { meaning: 'The query is not valid GraphQL syntax.', status: 400, retry: false, source: 'graphql' },
  GRAPHQL_VALIDATION_FAILED: {
    meaning: 'The query does not fit the schema (unknown field, wrong argument, ...).',
    status: 400,
    retry: false,
    source: 'graphql',
  },
  OPERATION_RESOLUTION_FAILURE: {
    meaning: 'The document has several operations and none, or an unknown one, was named.',
    status: 400,
    retry: false,
    source: 'graphql',
  },

  // --- Who is calling --------------------------------------------------------------------------
  UNAUTHENTICATED: {
    meaning: 'No credential, or a wrong one (expired, forged, another pool’s or client’s token, an unknown service key).',
    status: 401,
    retry: false,
    source: 'gateway',
    refusesRequest: true,
  },
  FORBIDDEN: {
    meaning: 'The caller may not have this field or app client; or Cognito’s WAF refused the call.',
    status: 403,
    retry: false,
    source: 'gateway',
    exceptions: ['ForbiddenException'],
    refusesRequest: true,
  },
  RATE_LIMITED: {
    meaning:
      'Too many public sign-up or sign-in calls from this address or for this username, or too many Cognito calls by this caller (SELF_SERVICE_CALL_LIMIT, ADMIN_CALL_LIMIT); the message and `limit` name the limit, `retryAfterSeconds` says when to try again.',
    status: 429,
    retry: true,
    source: 'gateway',
    refusesRequest: true,
  },

  // --- Cognito's availability ------------------------------------------------------------------
  THROTTLED: {
    meaning: 'Cognito refused the call for its request-rate quota, after the gateway’s retries.',
    status: 429,
    retry: true,
    source: 'cognito',
    exceptions: ['TooManyRequestsException'],
  },
  COGNITO_UNAVAILABLE: {
    meaning: 'Cognito could not be reached or failed; while it keeps failing the gateway refuses calls for a few seconds.',
    status: 503,
    retry: true,
    source: 'gateway',
    exceptions: ['InternalErrorException', 'InternalServerException'],
    refusesRequest: true,
  },
  COGNITO_TIMEOUT: {
    meaning: 'Cognito did not answer within COGNITO_CALL_TIMEOUT_MS, on every attempt.',
    status: 504,
    retry: true,
    source: 'gateway',
  },
  DEADLINE_EXCEEDED: {
    meaning: 'The request ran past REQUEST_TIMEOUT_MS, or its client went away, before Cognito answered.',
    status: 504,
    retry: true,
    source: 'gateway',
    refusesRequest: true,
  },
  COGNITO_BAD_RESPONSE: {
    meaning: 'Cognito answered without a member the gateway needs (a key or an id); nothing was made up in its place.',
    status: 502,
    retry: false,
    source: 'gateway',
  },
  INTERNAL_SERVER_ERROR: {
    meaning: 'An unexpected error, masked for the client and logged for the operator.',
    status: 500,
    retry: false,
    source: 'gateway',
  },
  NOT_IMPLEMENTED: {
    meaning: 'The Cognito endpoint does not implement this operation (an emulator, an older compatible service); it is not retried.',
    status: 501,
    retry: false,
    source: 'cognito',
  },
  STALE_CURSOR: {
    meaning: 'The list changed around this cursor so that its place no longer exists; page again from the start (or from a later cursor).',
    status: 409,
    retry: false,
    source: 'gateway',
  },
  NOT_SUPPORTED_BY_LOCAL_COGNITO: {
    meaning: 'The embedded emulator (cognito-local) does not implement this operation, or this flow or challenge of it; real Cognito does.',
    status: 501,
    retry: false,
    source: 'cognito',
    exceptions: ['CognitoLocal#Unsupported'],
  },

  // --- Cognito's answers -----------------------------------------------------------------------
  NOT_FOUND: {
    meaning: 'The pool, client, group, device or job named does not exist (lookups by key answer null instead).',
    status: 404,
    retry: false,
    source: 'cognito',
    exceptions: ['ResourceNotFoundException'],
  },
  USER_NOT_FOUND: {
    meaning: 'The user named does not exist (lookups by key answer null instead).',
    status: 404,
    retry: false,
    source: 'cognito',
    exceptions: ['UserNotFoundException'],
  },
  ALIAS_EXISTS: {
    meaning: 'Another user already has this email or phone number as an alias.',
    status: 409,
    retry: false,
    source: 'cognito',
    exceptions: ['AliasExistsException'],
  },
  USERNAME_EXISTS: {
    meaning: 'A user of that name already exists.',
    status: 409,
    retry: false,
    source: 'cognito',
    exceptions: ['UsernameExistsException'],
  },
  GROUP_EXISTS: {
    meaning: 'A group of that name already exists.',
    status: 409,
    retry: false,
    source: 'cognito',
    exceptions: ['GroupExistsException'],
  },
  DUPLICATE_PROVIDER: {
    meaning: 'An identity provider of that name already exists.',
    status: 409,
    retry: false,
    source: 'cognito',
    exceptions: ['DuplicateProviderException'],
  },
  CONCURRENT_MODIFICATION: {
    meaning: 'Another change to the same resource was under way; try again.',
    status: 409,
    retry: true,
    source: 'cognito',
    exceptions: ['ConcurrentModificationException'],
  },
  CODE_DELIVERY_FAILED: {
    meaning: 'Cognito could not send the code (email or SMS).',
    status: 400,
    retry: true,
    source: 'cognito',
    exceptions: ['CodeDeliveryFailureException'],
  },
  CODE_MISMATCH: {
    meaning: 'The code is wrong.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['CodeMismatchException'],
  },
  EXPIRED_CODE: {
    meaning: 'The code has expired; ask for a new one.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['ExpiredCodeException'],
  },
  INVALID_CONFIGURATION: {
    meaning: 'The pool’s configuration (email or SMS roles, MFA, devices) does not allow this.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: [
      'InvalidEmailRoleAccessPolicyException',
      'InvalidSmsRoleAccessPolicyException',
      'InvalidSmsRoleTrustRelationshipException',
      'InvalidUserPoolConfigurationException',
    ],
  },
  INVALID_LAMBDA_RESPONSE: {
    meaning: 'A Lambda trigger of the pool answered something Cognito could not use.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['InvalidLambdaResponseException'],
  },
  LAMBDA_FAILED: {
    meaning: 'A Lambda trigger of the pool failed.',
    status: 400,
    retry: true,
    source: 'cognito',
    exceptions: ['UnexpectedLambdaException'],
  },
  USER_LAMBDA_VALIDATION: {
    meaning: 'A Lambda trigger of the pool refused the user.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['UserLambdaValidationException'],
  },
  INVALID_OAUTH_FLOW: {
    meaning: 'The OAuth flows, scopes or callback URLs of the client do not fit together.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['InvalidOAuthFlowException'],
  },
  INVALID_PASSWORD: {
    meaning: 'The password does not meet the pool’s password policy.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['InvalidPasswordException'],
  },
  PASSWORD_HISTORY_VIOLATION: {
    meaning: 'The password was used before (the pool keeps a password history).',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['PasswordHistoryPolicyViolationException'],
  },
  PASSWORD_RESET_REQUIRED: {
    meaning: 'The user must reset its password before signing in.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['PasswordResetRequiredException'],
  },
  LIMIT_EXCEEDED: {
    meaning: 'A Cognito limit was reached (resources per pool, codes sent, attempts); some limits lift after a while.',
    status: 400,
    retry: true,
    source: 'cognito',
    exceptions: ['LimitExceededException'],
  },
  MFA_METHOD_NOT_FOUND: {
    meaning: 'The user has no MFA method of the kind asked for.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['MFAMethodNotFoundException'],
  },
  NOT_AUTHORIZED: {
    meaning: 'Cognito refused: a wrong password, a revoked or expired token, or an action the pool or client does not allow.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['NotAuthorizedException', 'UnauthorizedException'],
  },
  OPERATION_NOT_ENABLED: {
    meaning: 'The operation is not turned on for this pool (its feature plan or configuration: an MFA method it does not allow, say), or not in this Region (a replica).',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['OperationNotEnabledException'],
  },
  PRECONDITION_NOT_MET: {
    meaning: 'The resource is not in the state the action needs (an import job not ready to start, say).',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['PreconditionNotMetException'],
  },
  REFRESH_TOKEN_REUSE: {
    meaning: 'The refresh token was already exchanged and rotation invalidated it; sign in again.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['RefreshTokenReuseException'],
  },
  SCOPE_DOES_NOT_EXIST: {
    meaning: 'An OAuth scope named does not exist in the pool’s resource servers.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['ScopeDoesNotExistException'],
  },
  TOO_MANY_FAILED_ATTEMPTS: {
    meaning: 'Too many wrong codes or passwords; wait before trying again.',
    status: 400,
    retry: true,
    source: 'cognito',
    exceptions: ['TooManyFailedAttemptsException'],
  },
  UNSUPPORTED_IDENTITY_PROVIDER: {
    meaning: 'The identity provider is not supported for this client.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['UnsupportedIdentityProviderException'],
  },
  UNSUPPORTED_OPERATION: {
    meaning: 'Cognito does not support this operation for the pool or token.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['UnsupportedOperationException'],
  },
  UNSUPPORTED_TOKEN_TYPE: {
    meaning: 'The token is not of a kind this operation takes.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['UnsupportedTokenTypeException'],
  },
  UNSUPPORTED_USER_STATE: {
    meaning: 'The user is not in a state that allows this (an invitation resent to a confirmed user, say).',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['UnsupportedUserStateException'],
  },
  USER_IMPORT_IN_PROGRESS: {
    meaning: 'A user import job is running in the pool.',
    status: 400,
    retry: true,
    source: 'cognito',
    exceptions: ['UserImportInProgressException'],
  },
  USER_NOT_CONFIRMED: {
    meaning: 'The user has not confirmed its sign-up.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['UserNotConfirmedException'],
  },
  USER_POOL_ADD_ON_NOT_ENABLED: {
    meaning: 'The feature needs the pool’s advanced security (threat protection) add-on.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['UserPoolAddOnNotEnabledException'],
  },
  USER_POOL_TAGGING: {
    meaning: 'The pool’s tags could not be set.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['UserPoolTaggingException'],
  },
  // --- MFA (issue 16) --------------------------------------------------------------------------
  SOFTWARE_TOKEN_MFA_NOT_FOUND: {
    meaning: 'The user has no software token (TOTP) to verify or use: associate one first (associateSoftwareToken).',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['SoftwareTokenMFANotFoundException'],
  },
  SOFTWARE_TOKEN_NOT_VERIFIED: {
    meaning: 'The code did not verify the new software token (TOTP), so it was not turned on; try the next code the authenticator shows.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['EnableSoftwareTokenMFAException'],
  },
  FEATURE_UNAVAILABLE_IN_TIER: {
    meaning: 'The pool’s feature plan (LITE, ESSENTIALS, PLUS) does not include this setting.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['FeatureUnavailableInTierException'],
  },
  // --- Provisioned limits (issue 17) ----------------------------------------------------------
  SERVICE_QUOTA_EXCEEDED: {
    meaning: 'The rate asked for is above the account’s maximum in Service Quotas: ask for less, or request a higher quota there first.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['ServiceQuotaExceededException'],
  },
  // --- Passkeys (issue 16) ---------------------------------------------------------------------
  WEB_AUTHN_NOT_ENABLED: {
    meaning: 'Passkeys are not turned on for the pool (its sign-in policy does not allow WEB_AUTHN).',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['WebAuthnNotEnabledException'],
  },
  WEB_AUTHN_CONFIGURATION_MISSING: {
    meaning: 'The pool has no passkey relying party: set one (setUserPoolMfaConfig webAuthn.relyingPartyId) or a managed-login domain.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['WebAuthnConfigurationMissingException'],
  },
  WEB_AUTHN_CHALLENGE_NOT_FOUND: {
    meaning: 'No registration is under way for this credential, or its challenge expired: start again (startWebAuthnRegistration).',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['WebAuthnChallengeNotFoundException'],
  },
  WEB_AUTHN_RELYING_PARTY_MISMATCH: {
    meaning: 'The credential was made for another relying party than the pool’s passkey relying party.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['WebAuthnRelyingPartyMismatchException'],
  },
  WEB_AUTHN_CLIENT_MISMATCH: {
    meaning: 'The credential was registered through another app client than the access token’s.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['WebAuthnClientMismatchException'],
  },
  WEB_AUTHN_ORIGIN_NOT_ALLOWED: {
    meaning: 'The browser made the credential on an origin the pool does not allow for its relying party.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['WebAuthnOriginNotAllowedException'],
  },
  WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED: {
    meaning: 'The authenticator’s credential (its algorithm or attestation) is not one Cognito accepts.',
    status: 400,
    retry: false,
    source: 'cognito',
    exceptions: ['WebAuthnCredentialNotSupportedException'],
  },
  // --- Branding and terms (issue 17) -----------------------------------------------------------
  MANAGED_LOGIN_BRANDING_EXISTS: {
    meaning: 'The app client already has a managed login branding style: update it, or delete it first.',
    status: 409,
    retry: false,
    source: 'cognito',
    exceptions: ['ManagedLoginBrandingExistsException'],
  },
  TERMS_EXISTS: {
    meaning: 'The app client already has terms documents of that name (terms-of-use or privacy-policy): update them instead.',
    status: 409,
    retry: false,
    source: 'cognito',
    exceptions: ['TermsExistsException'],
  },
  // --- Client secrets (issue 17) ---------------------------------------------------------------
  ACCESS_DENIED: {
    meaning: 'The gateway’s AWS credentials may not call this operation (their IAM policy): the operator must allow it.',
    status: 403,
    retry: false,
    source: 'cognito',
    exceptions: ['AccessDeniedException'],
  },
} as const satisfies Record<string, CodeSpec>;

export type GatewayCode = keyof typeof gatewayCodes;

/**
 * The code of a Cognito exception this release does not know (`WebAuthnNotEnabledException` →
 * `COGNITO_WEB_AUTHN_NOT_ENABLED`): stable, and distinct from every code of the table. Only
 * `unknownExceptionCode` makes one, so a mistyped code of the table still does not compile.
 */
export type UnknownExceptionCode = string & { readonly unknownException: true };

export const unknownExceptionFamily = {
  code: 'COGNITO_<NAME>',
  meaning:
    'A Cognito exception this release does not know, by its name (`FooBarException` → `COGNITO_FOO_BAR`), with Cognito’s message; `httpStatus` is the status Cognito answered with.',
  source: 'cognito',
} as const;

export function unknownExceptionCode(exceptionName: string): UnknownExceptionCode {
  const words = exceptionName
    .replace(/^.*#/, '')
    .replace(/Exception$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  return `COGNITO_${words || 'UNKNOWN'}` as UnknownExceptionCode;
}

type ExceptionsOf<Code extends GatewayCode> = (typeof gatewayCodes)[Code] extends { exceptions: readonly (infer Name)[] } ? Name : never;

/** The Cognito exceptions the table maps, by name: a name outside the table does not compile. */
export type CognitoException = { [Code in GatewayCode]: ExceptionsOf<Code> }[GatewayCode];

/** Cognito exception → the code it is answered with, read off the table. */
export const exceptionCodes: ReadonlyMap<string, GatewayCode> = new Map(
  (Object.entries(gatewayCodes) as [GatewayCode, CodeSpec][]).flatMap(([code, spec]) =>
    (spec.exceptions ?? []).map((exception) => [exception, code] as const),
  ),
);

export function isCognitoException(name: string): name is CognitoException {
  return exceptionCodes.has(name);
}

/** Codes that mean "the thing you named does not exist"; lookups by key turn them into null. */
export const notFoundCodes: ReadonlySet<GatewayCode> = new Set<GatewayCode>(['NOT_FOUND', 'USER_NOT_FOUND']);

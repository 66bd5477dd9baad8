import { GraphQLError } from 'graphql';

/**
 * Cognito exception name → stable `extensions.code`. Errors named here are expected answers a
 * client can act on and keep Cognito's own message; anything else is unexpected, so it is thrown
 * on unchanged and the server masks it for the client and logs it for the operator.
 */
export const cognitoErrorCodes: Readonly<Record<string, string>> = {
  AliasExistsException: 'ALIAS_EXISTS',
  CodeDeliveryFailureException: 'CODE_DELIVERY_FAILED',
  CodeMismatchException: 'CODE_MISMATCH',
  ConcurrentModificationException: 'CONCURRENT_MODIFICATION',
  DuplicateProviderException: 'DUPLICATE_PROVIDER',
  ExpiredCodeException: 'EXPIRED_CODE',
  ForbiddenException: 'FORBIDDEN',
  GroupExistsException: 'GROUP_EXISTS',
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  InvalidEmailRoleAccessPolicyException: 'INVALID_CONFIGURATION',
  InvalidLambdaResponseException: 'INVALID_LAMBDA_RESPONSE',
  InvalidOAuthFlowException: 'INVALID_OAUTH_FLOW',
  InvalidParameterException: 'BAD_USER_INPUT',
  InvalidPasswordException: 'INVALID_PASSWORD',
  InvalidSmsRoleAccessPolicyException: 'INVALID_CONFIGURATION',
  InvalidSmsRoleTrustRelationshipException: 'INVALID_CONFIGURATION',
  InvalidUserPoolConfigurationException: 'INVALID_CONFIGURATION',
  LimitExceededException: 'LIMIT_EXCEEDED',
  MFAMethodNotFoundException: 'MFA_METHOD_NOT_FOUND',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  PasswordHistoryPolicyViolationException: 'PASSWORD_HISTORY_VIOLATION',
  PasswordResetRequiredException: 'PASSWORD_RESET_REQUIRED',
  PreconditionNotMetException: 'PRECONDITION_NOT_MET',
  ResourceNotFoundException: 'NOT_FOUND',
  ScopeDoesNotExistException: 'SCOPE_DOES_NOT_EXIST',
  TooManyFailedAttemptsException: 'TOO_MANY_FAILED_ATTEMPTS',
  TooManyRequestsException: 'THROTTLED',
  UnexpectedLambdaException: 'LAMBDA_FAILED',
  UnsupportedIdentityProviderException: 'UNSUPPORTED_IDENTITY_PROVIDER',
  UnsupportedOperationException: 'UNSUPPORTED_OPERATION',
  UnsupportedTokenTypeException: 'UNSUPPORTED_TOKEN_TYPE',
  UnsupportedUserStateException: 'UNSUPPORTED_USER_STATE',
  UserImportInProgressException: 'USER_IMPORT_IN_PROGRESS',
  UserLambdaValidationException: 'USER_LAMBDA_VALIDATION',
  UserNotConfirmedException: 'USER_NOT_CONFIRMED',
  UserNotFoundException: 'USER_NOT_FOUND',
  UserPoolAddOnNotEnabledException: 'USER_POOL_ADD_ON_NOT_ENABLED',
  UserPoolTaggingException: 'USER_POOL_TAGGING',
  UsernameExistsException: 'USERNAME_EXISTS',
  // cognito-local answers operations it does not implement with this type.
  'CognitoLocal#Unsupported': 'NOT_SUPPORTED_BY_LOCAL_COGNITO',
};

/** Codes that mean "the thing you named does not exist"; lookups by key turn them into null. */
export const notFoundCodes: ReadonlySet<string> = new Set(['NOT_FOUND', 'USER_NOT_FOUND']);

interface ServiceErrorLike {
  name?: unknown;
  message?: unknown;
  __type?: unknown;
}

/**
 * An expected Cognito answer. Each exception of the table has its own subclass, so a mutation can
 * list the failures it returns as typed results and a client can switch on them.
 */
export class CognitoError extends GraphQLError {
  constructor(
    message: string,
    readonly code: string,
    readonly exception: string,
    operation: string,
  ) {
    super(message, { extensions: { code, cognitoError: exception, operation } });
  }
}

type CognitoErrorClass = new (message: string, code: string, exception: string, operation: string) => CognitoError;

/** `UsernameExistsException` → `UsernameExistsError`, the GraphQL type name of its class. */
export function errorTypeName(exception: string): string {
  return `${exception.replace(/^CognitoLocal#/, 'NotSupportedByLocalCognito').replace(/(Exception)?$/, '')}Error`;
}

const errorClasses = new Map<string, CognitoErrorClass>(
  Object.keys(cognitoErrorCodes).map((exception) => {
    const name = errorTypeName(exception);
    // A named subclass per exception: `instanceof` is how typed mutation results are picked.
    const subclass = { [name]: class extends CognitoError {} }[name] as CognitoErrorClass;
    return [exception, subclass];
  }),
);

export function cognitoErrorClass(exception: keyof typeof cognitoErrorCodes | string): CognitoErrorClass {
  const found = errorClasses.get(exception);
  if (!found) throw new Error(`${exception} is not in the Cognito error table`);
  return found;
}

/** The Cognito exception an error stands for (`__type` when the SDK shortened the name). */
export function exceptionName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, __type } = error as ServiceErrorLike;
  if (typeof __type === 'string' && __type in cognitoErrorCodes) return __type;
  return typeof name === 'string' ? name : undefined;
}

/** The typed error for an expected Cognito answer, or undefined when the error is unexpected. */
export function toGraphQLError(error: unknown, operation: string): CognitoError | undefined {
  const name = exceptionName(error);
  const code = name === undefined ? undefined : cognitoErrorCodes[name];
  if (name === undefined || code === undefined) return undefined;
  const message = (error as ServiceErrorLike).message;
  const ErrorClass = cognitoErrorClass(name);
  return new ErrorClass(typeof message === 'string' && message !== '' ? message : `${operation} failed: ${name}`, code, name, operation);
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof GraphQLError ? (error.extensions['code'] as string | undefined) : undefined;
}

export function isNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && notFoundCodes.has(code);
}

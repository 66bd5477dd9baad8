import type { OperationName } from './commands';

/**
 * Cognito's request-rate quotas (the quotas page, as in the operation reference): each operation
 * belongs to a category whose rate is shared by the whole account and Region; some categories also
 * cap each operation at 5 requests per second per user pool. Operations answered with two
 * categories (RespondToAuthChallenge) are paced by the first.
 */
export const quotaCategories = {
  ClientAuthentication: { requestsPerSecond: 150, perPoolCap: false },
  LimitManagement: { requestsPerSecond: 1, perPoolCap: false },
  UserAccountRecovery: { requestsPerSecond: 30, perPoolCap: false },
  UserAuthentication: { requestsPerSecond: 120, perPoolCap: false },
  UserCreation: { requestsPerSecond: 50, perPoolCap: false },
  UserList: { requestsPerSecond: 30, perPoolCap: false },
  UserPoolClientRead: { requestsPerSecond: 15, perPoolCap: true },
  UserPoolClientUpdate: { requestsPerSecond: 15, perPoolCap: true },
  UserPoolRead: { requestsPerSecond: 15, perPoolCap: false },
  UserPoolResourceRead: { requestsPerSecond: 20, perPoolCap: true },
  UserPoolResourceUpdate: { requestsPerSecond: 15, perPoolCap: true },
  UserPoolUpdate: { requestsPerSecond: 15, perPoolCap: false },
  UserRead: { requestsPerSecond: 120, perPoolCap: false },
  UserResourceRead: { requestsPerSecond: 50, perPoolCap: false },
  UserResourceUpdate: { requestsPerSecond: 25, perPoolCap: false },
  UserToken: { requestsPerSecond: 120, perPoolCap: false },
  UserUpdate: { requestsPerSecond: 25, perPoolCap: false },
} as const;

export type QuotaCategory = keyof typeof quotaCategories;

/** 5 requests per second per operation per user pool, on top of the category rate. */
export const PER_POOL_CAP = 5;

export const operationCategories = {
  AddCustomAttributes: 'UserPoolResourceUpdate',
  AdminAddUserToGroup: 'UserUpdate',
  AdminConfirmSignUp: 'UserCreation',
  AdminCreateUser: 'UserCreation',
  AdminDeleteUser: 'UserUpdate',
  AdminDeleteUserAttributes: 'UserUpdate',
  AdminDisableUser: 'UserUpdate',
  AdminEnableUser: 'UserUpdate',
  AdminForgetDevice: 'UserResourceUpdate',
  AdminGetDevice: 'UserResourceRead',
  AdminGetUser: 'UserRead',
  AdminInitiateAuth: 'UserAuthentication',
  AdminListDevices: 'UserResourceRead',
  AdminListGroupsForUser: 'UserResourceRead',
  AdminRemoveUserFromGroup: 'UserUpdate',
  AdminResetUserPassword: 'UserAccountRecovery',
  AdminRespondToAuthChallenge: 'UserAuthentication',
  AdminSetUserPassword: 'UserAccountRecovery',
  AdminSetUserSettings: 'UserResourceUpdate',
  AdminUpdateDeviceStatus: 'UserResourceUpdate',
  AdminUpdateUserAttributes: 'UserUpdate',
  AdminUserGlobalSignOut: 'UserUpdate',
  ChangePassword: 'UserAccountRecovery',
  ConfirmDevice: 'UserResourceUpdate',
  ConfirmForgotPassword: 'UserAccountRecovery',
  ConfirmSignUp: 'UserCreation',
  CreateGroup: 'UserPoolResourceUpdate',
  CreateUserImportJob: 'UserPoolResourceUpdate',
  CreateUserPool: 'UserPoolUpdate',
  CreateUserPoolClient: 'UserPoolClientUpdate',
  DeleteGroup: 'UserPoolResourceUpdate',
  DeleteUser: 'UserUpdate',
  DeleteUserAttributes: 'UserUpdate',
  DeleteUserPool: 'UserPoolUpdate',
  DeleteUserPoolClient: 'UserPoolClientUpdate',
  DescribeUserImportJob: 'UserPoolResourceRead',
  DescribeUserPool: 'UserPoolRead',
  DescribeUserPoolClient: 'UserPoolClientRead',
  ForgetDevice: 'UserResourceUpdate',
  ForgotPassword: 'UserAccountRecovery',
  GetCSVHeader: 'UserPoolResourceRead',
  GetDevice: 'UserResourceRead',
  GetGroup: 'UserPoolResourceRead',
  GetUser: 'UserRead',
  GetUserAttributeVerificationCode: 'UserResourceRead',
  GlobalSignOut: 'UserUpdate',
  InitiateAuth: 'UserAuthentication',
  ListDevices: 'UserResourceRead',
  ListGroups: 'UserPoolResourceRead',
  ListUserImportJobs: 'UserPoolResourceRead',
  ListUserPoolClients: 'UserPoolClientRead',
  ListUserPools: 'UserPoolRead',
  ListUsers: 'UserList',
  ListUsersInGroup: 'UserList',
  ResendConfirmationCode: 'UserResourceRead',
  RespondToAuthChallenge: 'UserAuthentication',
  SetUserSettings: 'UserResourceUpdate',
  SignUp: 'UserCreation',
  StartUserImportJob: 'UserPoolResourceUpdate',
  StopUserImportJob: 'UserPoolResourceUpdate',
  UpdateDeviceStatus: 'UserResourceUpdate',
  UpdateGroup: 'UserPoolResourceUpdate',
  UpdateUserAttributes: 'UserUpdate',
  UpdateUserPool: 'UserPoolUpdate',
  UpdateUserPoolClient: 'UserPoolClientUpdate',
  VerifyUserAttribute: 'UserUpdate',
  // MFA (issue 16): every one is on the quotas page
  AdminDeleteSoftwareToken: 'UserResourceUpdate',
  AdminSetUserMFAPreference: 'UserResourceUpdate',
  AssociateSoftwareToken: 'UserResourceUpdate',
  GetUserPoolMfaConfig: 'UserPoolResourceRead',
  SetUserMFAPreference: 'UserResourceUpdate',
  SetUserPoolMfaConfig: 'UserPoolResourceUpdate',
  VerifySoftwareToken: 'UserResourceUpdate',
  // Sessions are not on the quotas page. Listing a user's sessions is paced as the other
  // per-user reads (AdminListDevices: UserResourceRead) and revoking one as the per-user
  // token revocations (AdminUserGlobalSignOut, GlobalSignOut: UserUpdate): the nearest
  // documented kin, and the slower guess of the two plausible categories for each.
  AdminListUserSessions: 'UserResourceRead',
  ListUserSessions: 'UserResourceRead',
  AdminRevokeUserSession: 'UserUpdate',
  RevokeUserSession: 'UserUpdate',
  GetTokensFromRefreshToken: 'UserAuthentication',
  RevokeToken: 'UserToken',
  GetClientToken: 'ClientAuthentication',
  // Sign-in risk and linked identities (issue 16)
  AdminListUserAuthEvents: 'UserResourceRead',
  AdminUpdateAuthEventFeedback: 'UserResourceUpdate',
  UpdateAuthEventFeedback: 'UserResourceUpdate',
  DescribeRiskConfiguration: 'UserPoolResourceRead',
  SetRiskConfiguration: 'UserPoolResourceUpdate',
  AdminLinkProviderForUser: 'UserUpdate',
  AdminDisableProviderForUser: 'UserUpdate',
  // Passkeys and auth factors: only AdminGetUserAuthFactors is on the quotas page (UserRead).
  // The signed-in user's own reads are paced as its other reads of itself (GetUser: UserRead;
  // ListDevices: UserResourceRead for a list of things the user owns), and the passkey writes
  // as its other writes of per-user resources (AssociateSoftwareToken, ForgetDevice:
  // UserResourceUpdate): the nearest documented kin.
  GetUserAuthFactors: 'UserRead',
  AdminGetUserAuthFactors: 'UserRead',
  ListWebAuthnCredentials: 'UserResourceRead',
  StartWebAuthnRegistration: 'UserResourceUpdate',
  CompleteWebAuthnRegistration: 'UserResourceUpdate',
  DeleteWebAuthnCredential: 'UserResourceUpdate',
  // Branding and terms (issue 17). Branding and the classic hosted UI are on the quotas page; the
  // terms operations are not, and are paced as the other per-pool resources beside them (branding,
  // resource servers): reads UserPoolResourceRead, writes UserPoolResourceUpdate.
  CreateManagedLoginBranding: 'UserPoolResourceUpdate',
  DescribeManagedLoginBranding: 'UserPoolResourceRead',
  DescribeManagedLoginBrandingByClient: 'UserPoolResourceRead',
  UpdateManagedLoginBranding: 'UserPoolResourceUpdate',
  DeleteManagedLoginBranding: 'UserPoolResourceUpdate',
  GetUICustomization: 'UserPoolResourceRead',
  SetUICustomization: 'UserPoolResourceUpdate',
  CreateTerms: 'UserPoolResourceUpdate',
  DescribeTerms: 'UserPoolResourceRead',
  DescribeTermsByClient: 'UserPoolResourceRead',
  UpdateTerms: 'UserPoolResourceUpdate',
  DeleteTerms: 'UserPoolResourceUpdate',
  ListTerms: 'UserPoolResourceRead',
  // Log delivery, replicas, signing certificate and provisioned limits (issue 17). The signing
  // certificate and the provisioned limits are on the quotas page (LimitManagement: 1 call per
  // second per account). Log delivery is not: it is paced as the pool's other settings read and
  // set on their own (GetUserPoolMfaConfig, SetRiskConfiguration). Replicas are not either: a
  // replica is the pool in another Region, so making, changing and deleting one is paced as
  // making and deleting pools (CreateUserPool, DeleteUserPool: UserPoolUpdate), and listing a
  // pool's replicas as listing pools (ListUserPools: UserPoolRead).
  GetLogDeliveryConfiguration: 'UserPoolResourceRead',
  SetLogDeliveryConfiguration: 'UserPoolResourceUpdate',
  CreateUserPoolReplica: 'UserPoolUpdate',
  UpdateUserPoolReplica: 'UserPoolUpdate',
  DeleteUserPoolReplica: 'UserPoolUpdate',
  ListUserPoolReplicas: 'UserPoolRead',
  GetSigningCertificate: 'UserPoolResourceRead',
  GetProvisionedLimit: 'LimitManagement',
  UpdateProvisionedLimit: 'LimitManagement',
  // Client secrets, session configuration and tags (issue 17). Only the tag operations are on the
  // quotas page. A client's secrets and session settings are paced as its other reads and writes
  // (DescribeUserPoolClient: UserPoolClientRead; UpdateUserPoolClient: UserPoolClientUpdate), the
  // pool's session settings as its other configuration (GetUserPoolMfaConfig, SetUserPoolMfaConfig).
  AddUserPoolClientSecret: 'UserPoolClientUpdate',
  ListUserPoolClientSecrets: 'UserPoolClientRead',
  DeleteUserPoolClientSecret: 'UserPoolClientUpdate',
  GetUserPoolSessionConfiguration: 'UserPoolResourceRead',
  SetUserPoolSessionConfiguration: 'UserPoolResourceUpdate',
  GetUserPoolClientSessionConfiguration: 'UserPoolClientRead',
  SetUserPoolClientSessionConfiguration: 'UserPoolClientUpdate',
  TagResource: 'UserPoolResourceUpdate',
  UntagResource: 'UserPoolResourceUpdate',
  ListTagsForResource: 'UserPoolResourceRead',
  // Domains, identity providers and resource servers (issue 17): all on the quotas page
  CreateUserPoolDomain: 'UserPoolResourceUpdate',
  DescribeUserPoolDomain: 'UserPoolResourceRead',
  UpdateUserPoolDomain: 'UserPoolResourceUpdate',
  DeleteUserPoolDomain: 'UserPoolResourceUpdate',
  CreateIdentityProvider: 'UserPoolResourceUpdate',
  DescribeIdentityProvider: 'UserPoolResourceRead',
  UpdateIdentityProvider: 'UserPoolResourceUpdate',
  DeleteIdentityProvider: 'UserPoolResourceUpdate',
  ListIdentityProviders: 'UserPoolResourceRead',
  GetIdentityProviderByIdentifier: 'UserPoolResourceRead',
  CreateResourceServer: 'UserPoolResourceUpdate',
  DescribeResourceServer: 'UserPoolResourceRead',
  UpdateResourceServer: 'UserPoolResourceUpdate',
  DeleteResourceServer: 'UserPoolResourceUpdate',
  ListResourceServers: 'UserPoolResourceRead',
} as const satisfies Record<OperationName, QuotaCategory>;

/**
 * Operations the quotas page does not list: their category above is the gateway's choice, not
 * AWS's, so that they are paced at all (an unpaced call would only learn its rate from throttling).
 */
export const categoriesChosenByGateway: ReadonlySet<OperationName> = new Set<OperationName>([
  'AdminListUserSessions',
  'ListUserSessions',
  'AdminRevokeUserSession',
  'RevokeUserSession',
  'GetUserAuthFactors',
  'ListWebAuthnCredentials',
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'DeleteWebAuthnCredential',
  // Terms (issue 17)
  'CreateTerms',
  'DescribeTerms',
  'DescribeTermsByClient',
  'UpdateTerms',
  'DeleteTerms',
  'ListTerms',
  'GetLogDeliveryConfiguration',
  'SetLogDeliveryConfiguration',
  'CreateUserPoolReplica',
  'UpdateUserPoolReplica',
  'DeleteUserPoolReplica',
  'ListUserPoolReplicas',
  'AddUserPoolClientSecret',
  'ListUserPoolClientSecrets',
  'DeleteUserPoolClientSecret',
  'GetUserPoolSessionConfiguration',
  'SetUserPoolSessionConfiguration',
  'GetUserPoolClientSessionConfiguration',
  'SetUserPoolClientSessionConfiguration',
]);

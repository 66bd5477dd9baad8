import type {
  AdminGetUserResponse,
  CodeDeliveryDetailsType,
  DeviceType,
  UserImportJobType,
  GetUserResponse,
  GroupType,
  UserPoolClientDescription,
  UserPoolClientType,
  UserPoolDescriptionType,
  UserPoolType,
  UserType,
} from '@aws-sdk/client-cognito-identity-provider';

/**
 * Plain records the resolvers work with. Cognito describes the same thing in different shapes
 * (ListUsers' `Attributes` vs AdminGetUser's `UserAttributes`, list summaries vs descriptions);
 * records say which shape they came from, so a field knows when it has to ask for more.
 */
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
  status?: string;
  /** Present only when the record came from AdminGetUser; list summaries do not carry it. */
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

export interface UserPoolRecord {
  userPoolId: string;
  /** From ListUserPools: name, status, dates and Lambda triggers only. */
  summary?: UserPoolDescriptionType;
  /** From DescribeUserPool. */
  detail?: UserPoolType;
}

/** A client description with its secret already removed by the call path. */
export type RedactedClient = Omit<UserPoolClientType, 'ClientSecret'> & { HasClientSecret?: boolean };

export interface ClientRecord {
  userPoolId: string;
  clientId: string;
  /** From ListUserPoolClients: the name only. */
  summary?: UserPoolClientDescription;
  /** From DescribeUserPoolClient. */
  detail?: RedactedClient;
}

export interface UserKey {
  userPoolId: string;
  username: string;
}

export interface GroupKey {
  userPoolId: string;
  name: string;
}

export interface ClientKey {
  userPoolId: string;
  clientId: string;
}

function attributes(list: { Name?: string; Value?: string }[] | undefined): AttributeRecord[] {
  return (list ?? []).flatMap(({ Name, Value }) => (Name === undefined ? [] : [{ name: Name, value: Value ?? '' }]));
}

export function userFromListItem(userPoolId: string, user: UserType): UserRecord {
  return {
    userPoolId,
    username: user.Username ?? '',
    attributes: attributes(user.Attributes),
    createdAt: user.UserCreateDate,
    updatedAt: user.UserLastModifiedDate,
    enabled: user.Enabled,
    status: user.UserStatus,
  };
}

/** AdminGetUser answers what a list does, with attributes under another name, plus MFA settings. */
export function userFromAdminGetUser(userPoolId: string, user: AdminGetUserResponse): UserRecord {
  const { UserAttributes, ...rest } = user;
  return {
    ...userFromListItem(userPoolId, { ...rest, Attributes: UserAttributes }),
    mfa: { preferredSetting: user.PreferredMfaSetting ?? null, enabledSettings: user.UserMFASettingList ?? [] },
  };
}

export function groupFromCognito(group: GroupType, userPoolId = group.UserPoolId ?? ''): GroupRecord {
  return {
    userPoolId,
    name: group.GroupName ?? '',
    description: group.Description,
    precedence: group.Precedence,
    roleArn: group.RoleArn,
    createdAt: group.CreationDate,
    updatedAt: group.LastModifiedDate,
  };
}

export const userKeyOf = (key: UserKey): string => `${key.userPoolId}\u0000${key.username}`;
export const groupKeyOf = (key: GroupKey): string => `${key.userPoolId}\u0000${key.name}`;
export const clientKeyOf = (key: ClientKey): string => `${key.userPoolId}\u0000${key.clientId}`;

/** GetUser (the signed-in user, by access token) answers like AdminGetUser. */
export function userFromGetUser(userPoolId: string, user: GetUserResponse): UserRecord {
  return userFromAdminGetUser(userPoolId, user);
}

export interface CodeDeliveryRecord {
  destination?: string;
  deliveryMedium?: string;
  attributeName?: string;
}

export function codeDelivery(details: CodeDeliveryDetailsType | undefined): CodeDeliveryRecord | null {
  if (!details) return null;
  return { destination: details.Destination, deliveryMedium: details.DeliveryMedium, attributeName: details.AttributeName };
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

export interface DeviceKey {
  userPoolId: string;
  username: string;
  deviceKey: string;
}

export function deviceFromCognito(owner: { userPoolId: string; username: string }, device: DeviceType): DeviceRecord {
  return {
    ...owner,
    deviceKey: device.DeviceKey ?? '',
    attributes: attributes(device.DeviceAttributes),
    createdAt: device.DeviceCreateDate,
    updatedAt: device.DeviceLastModifiedDate,
    lastAuthenticatedAt: device.DeviceLastAuthenticatedDate,
  };
}

export const deviceKeyOf = (key: DeviceKey): string => `${key.userPoolId}\u0000${key.username}\u0000${key.deviceKey}`;

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

export interface ImportJobKey {
  userPoolId: string;
  jobId: string;
}

export function importJobFromCognito(job: UserImportJobType, userPoolId = job.UserPoolId ?? ''): ImportJobRecord {
  return {
    userPoolId,
    jobId: job.JobId ?? '',
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

export const importJobKeyOf = (key: ImportJobKey): string => `${key.userPoolId}\u0000${key.jobId}`;

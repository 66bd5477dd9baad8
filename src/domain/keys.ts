/** The natural keys Cognito identifies things by, and their loader cache keys. */
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

export interface DeviceKey {
  userPoolId: string;
  username: string;
  deviceKey: string;
}

export interface ImportJobKey {
  userPoolId: string;
  jobId: string;
}

/** A user known only by `sub` (what other services know from tokens), to be found in these pools, in order. */
export interface SubKey {
  sub: string;
  userPoolIds: readonly string[];
}

export const userKeyOf = (key: UserKey): string => `${key.userPoolId}\u0000${key.username}`;
export const groupKeyOf = (key: GroupKey): string => `${key.userPoolId}\u0000${key.name}`;
export const clientKeyOf = (key: ClientKey): string => `${key.userPoolId}\u0000${key.clientId}`;
export const deviceKeyOf = (key: DeviceKey): string => `${key.userPoolId}\u0000${key.username}\u0000${key.deviceKey}`;
export const importJobKeyOf = (key: ImportJobKey): string => `${key.userPoolId}\u0000${key.jobId}`;
export const subKeyOf = (key: SubKey): string => `${key.userPoolIds.join(',')}\u0000${key.sub}`;

/** Terms documents (issue 17). */
export interface TermsKey {
  userPoolId: string;
  termsId: string;
}
export const termsKeyOf = (key: TermsKey): string => `${key.userPoolId}\u0000${key.termsId}`;
// Identity providers and resource servers (issue 17)
export interface IdentityProviderKey {
  userPoolId: string;
  providerName: string;
}

export interface ResourceServerKey {
  userPoolId: string;
  identifier: string;
}

export const identityProviderKeyOf = (key: IdentityProviderKey): string => `${key.userPoolId}\u0000${key.providerName}`;
export const resourceServerKeyOf = (key: ResourceServerKey): string => `${key.userPoolId}\u0000${key.identifier}`;

import DataLoader from 'dataloader';
import { GatewayError } from '../domain/gateway-error';
import {
  clientKeyOf,
  deviceKeyOf,
  groupKeyOf,
  importJobKeyOf,
  subKeyOf,
  userKeyOf,
  type ClientKey,
  type DeviceKey,
  type GroupKey,
  type ImportJobKey,
  type SubKey,
  type UserKey,
} from '../domain/keys';
import type { ClientDetail, DeviceRecord, GroupRecord, ImportJobRecord, UserPoolDetail, UserRecord } from '../domain/records';
import type { MfaConfigRecord } from '../domain/records';
import type { CognitoCall } from './call';
import { listConnection, type PagingOptions } from './connection';
import type { Descriptions } from './description-cache';
import { filterExpression } from './filter-syntax';
import { membershipIndex, readGroupsOfUser, readPoolGroups, type PoolGroups } from './membership';
import { parseClientDetail, parseDevice, parseGroup, parseImportJob, parseUser, parseUserDetail, parseUserPoolDetail } from './parse';
import { parseMfaConfig } from './parse';
import { parseTerms } from './parse';
import { termsKeyOf, type TermsKey } from '../domain/keys';
import type { TermsRecord } from '../domain/records';
// Log delivery and the signing certificate (issue 17)
import type { LogDeliveryConfigurationRecord } from '../domain/records';
import { parseLogDeliveryConfiguration } from './parse';
import type { ClientSessionConfigurationRecord, TagRecord, UserPoolSessionConfigurationRecord } from '../domain/records';
import { parseClientSessionConfiguration, parseTags, parseUserPoolSessionConfiguration } from './parse';
// Domains, identity providers and resource servers (issue 17)
import { identityProviderKeyOf, resourceServerKeyOf, type IdentityProviderKey, type ResourceServerKey } from '../domain/keys';
import type { DescribedIdentityProvider, DescribedResourceServer, ResourceServerRecord, UserPoolDomainRecord } from '../domain/records';
import { parseIdentityProvider, parseResourceServer, parseUserPoolDomain } from './parse';

/** What a loader offers its users: load, and priming with what a list already returned. */
export type Loader<Key, Value> = Pick<DataLoader<Key, Value, string>, 'load' | 'prime' | 'clearAll'>;

/**
 * Per-request loaders. Cognito has no batch get, so a batch is one call per distinct key made
 * together; what DataLoader adds is that no key is described twice in one request, and that
 * records a list already returned are served without a call (see the prime* functions).
 */
export interface Loaders {
  userPool: Loader<string, UserPoolDetail>;
  client: Loader<ClientKey, ClientDetail>;
  group: Loader<GroupKey, GroupRecord>;
  /** A user's record, possibly a list summary (no MFA settings). */
  user: Loader<UserKey, UserRecord>;
  /** A user's full record from AdminGetUser. */
  userDetail: Loader<UserKey, UserRecord>;
  /** A user by `sub` alone (what other services know from tokens), searched in the given pools. */
  userBySub: Loader<SubKey, UserRecord | null>;
  /**
   * Users' groups, whole and in group-name order: for many users of one pool at once read
   * pool-wide when that costs fewer calls (membership.ts), otherwise, or when that read fails,
   * one user at a time.
   */
  groupsOfUser: Loader<UserKey, GroupRecord[]>;
  /** A pool's groups for the pool-wide way; loaded early when a list's users will want theirs. */
  poolGroups: Loader<string, PoolGroups>;
  device: Loader<DeviceKey, DeviceRecord>;
  importJob: Loader<ImportJobKey, ImportJobRecord>;
  /**
   * Connections read in this request, by what they read (operation, input and arguments): a
   * list started early (see schema/prefetch.ts) or selected twice is read once.
   */
  connections: Loader<ConnectionRead, unknown>;
  /** A pool's MFA configuration (GetUserPoolMfaConfig), once per pool per request. */
  mfaConfig: Loader<string, MfaConfigRecord>;
  /** A pool's log delivery (GetLogDeliveryConfiguration), once per pool per request. */
  logDeliveryConfiguration: Loader<string, LogDeliveryConfigurationRecord>;
  /** A pool's SAML signing certificate (GetSigningCertificate), once per pool per request. */
  signingCertificate: Loader<string, string | null>;
  /** A pool's session settings (GetUserPoolSessionConfiguration), once per pool per request. */
  poolSessionConfiguration: Loader<string, UserPoolSessionConfigurationRecord>;
  /** An app client's session settings (GetUserPoolClientSessionConfiguration), once per client per request. */
  clientSessionConfiguration: Loader<ClientKey, ClientSessionConfigurationRecord>;
  /** A resource's tags by its ARN (ListTagsForResource), once per resource per request. */
  tags: Loader<string, TagRecord[]>;
  /**
   * Starts a read whose answer later loads of this request will find (a list below a lookup, the
   * groups of a list's users), so it overlaps the reads before it. Its failure is not reported
   * here: it surfaces, if it matters, where the answer is used.
   */
  readAhead(start: () => Promise<unknown>): void;
  /** Terms documents in full (DescribeTerms): what a listed summary lacks (issue 17). */
  terms: Loader<TermsKey, TermsRecord>;
  // Domains, identity providers and resource servers (issue 17)
  /** A domain by name (DescribeUserPoolDomain); null when no pool has it. */
  userPoolDomain: Loader<string, UserPoolDomainRecord | null>;
  /** A provider in full (DescribeIdentityProvider), its secrets taken out by the call path. */
  identityProvider: Loader<IdentityProviderKey, DescribedIdentityProvider>;
  resourceServer: Loader<ResourceServerKey, DescribedResourceServer>;
}

export interface ConnectionRead {
  /** Names the read: the same key means the same calls and the same answer. */
  key: string;
  read: () => Promise<unknown>;
}

/** Makes a request's loaders; the gateway's own is createLoaders (the benchmark brings a naive one). */
export type LoaderFactory = (call: CognitoCall, paging: PagingOptions, descriptions: Descriptions) => Loaders;

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function missing(what: string, operation: string): GatewayError {
  return new GatewayError('NOT_FOUND', `${what} was not found.`, { operation });
}

/** Users of one pool whose groups are asked together before the pool-wide way is tried. */
export const MIN_USERS_FOR_MEMBERSHIP_INDEX = 4;

function perKeyLoader<Key, Value>(load: (key: Key) => Promise<Value>, cacheKeyFn?: (key: Key) => string): DataLoader<Key, Value, string> {
  return new DataLoader<Key, Value, string>(
    (keys) => Promise.all(keys.map((key) => load(key).catch((error: unknown) => asError(error)))),
    cacheKeyFn ? { cacheKeyFn } : {},
  );
}

export const createLoaders: LoaderFactory = (call, paging, descriptions) => {
  const poolGroups = new DataLoader<string, PoolGroups>((pools) => Promise.all(pools.map((pool) => readPoolGroups(call, paging, pool))));
  const userDetail = perKeyLoader<UserKey, UserRecord>(
    async (key) => parseUserDetail(key.userPoolId, await call('AdminGetUser', { UserPoolId: key.userPoolId, Username: key.username })),
    userKeyOf,
  );
  return {
    userPool: perKeyLoader((userPoolId: string) =>
      descriptions.through('pool', userPoolId, '', async () => {
        const { UserPool } = await call('DescribeUserPool', { UserPoolId: userPoolId });
        if (!UserPool) throw missing(`User pool ${userPoolId}`, 'DescribeUserPool');
        return parseUserPoolDetail(UserPool);
      }),
    ),
    client: perKeyLoader<ClientKey, ClientDetail>(
      (key) =>
        descriptions.through('client', key.userPoolId, key.clientId, async () => {
          const { UserPoolClient } = await call('DescribeUserPoolClient', { UserPoolId: key.userPoolId, ClientId: key.clientId });
          if (!UserPoolClient) throw missing(`App client ${key.clientId}`, 'DescribeUserPoolClient');
          return parseClientDetail(UserPoolClient);
        }),
      clientKeyOf,
    ),
    group: perKeyLoader<GroupKey, GroupRecord>(
      (key) =>
        descriptions.through('group', key.userPoolId, key.name, async () => {
          const { Group } = await call('GetGroup', { UserPoolId: key.userPoolId, GroupName: key.name });
          if (!Group) throw missing(`Group ${key.name}`, 'GetGroup');
          return parseGroup(key.userPoolId, Group);
        }),
      groupKeyOf,
    ),
    userDetail,
    // A user not primed from a list is read whole: through userDetail, so that asking for it and for its MFA settings is one call.
    user: perKeyLoader<UserKey, UserRecord>((key) => userDetail.load(key), userKeyOf),
    userBySub: perKeyLoader<SubKey, UserRecord | null>(async ({ sub, userPoolIds }) => {
      for (const userPoolId of userPoolIds) {
        const Filter = filterExpression('sub', '=', sub);
        const page = await listConnection(call, paging, 'ListUsers', { UserPoolId: userPoolId, Filter }, { first: 1 });
        const found = page.edges[0]?.node;
        if (found) return parseUser(userPoolId, found);
      }
      return null;
    }, subKeyOf),
    groupsOfUser: new DataLoader<UserKey, GroupRecord[], string>(
      async (users) => {
        const byPool = new Map<string, UserKey[]>();
        for (const user of users) byPool.set(user.userPoolId, [...(byPool.get(user.userPoolId) ?? []), user]);
        const indexes = new Map(
          await Promise.all(
            [...byPool].map(async ([userPoolId, members]) => {
              // Below this many users the per-user way cannot lose: ListGroups alone is one call.
              if (members.length < MIN_USERS_FOR_MEMBERSHIP_INDEX) return [userPoolId, undefined] as const;
              const groups = await poolGroups.load(userPoolId).catch(() => undefined);
              const index = groups && (await membershipIndex(call, paging, userPoolId, members.length - 1, groups));
              return [userPoolId, index] as const;
            }),
          ),
        );
        return Promise.all(
          users.map((user) => {
            const index = indexes.get(user.userPoolId);
            if (index) return index.get(user.username) ?? [];
            return readGroupsOfUser(call, paging, user).catch((error: unknown) => asError(error));
          }),
        );
      },
      { cacheKeyFn: userKeyOf },
    ),
    poolGroups,
    device: perKeyLoader<DeviceKey, DeviceRecord>(async (key) => {
      const { Device } = await call('AdminGetDevice', { UserPoolId: key.userPoolId, Username: key.username, DeviceKey: key.deviceKey });
      if (!Device) throw missing(`Device ${key.deviceKey}`, 'AdminGetDevice');
      return parseDevice(key, Device);
    }, deviceKeyOf),
    importJob: perKeyLoader<ImportJobKey, ImportJobRecord>(async (key) => {
      const { UserImportJob } = await call('DescribeUserImportJob', { UserPoolId: key.userPoolId, JobId: key.jobId });
      if (!UserImportJob) throw missing(`Import job ${key.jobId}`, 'DescribeUserImportJob');
      return parseImportJob(key.userPoolId, UserImportJob);
    }, importJobKeyOf),
    connections: perKeyLoader<ConnectionRead, unknown>(
      (connection) => connection.read(),
      (connection) => connection.key,
    ),
    mfaConfig: perKeyLoader(async (userPoolId: string) =>
      parseMfaConfig(userPoolId, await call('GetUserPoolMfaConfig', { UserPoolId: userPoolId })),
    ),
    logDeliveryConfiguration: perKeyLoader(async (userPoolId: string) =>
      parseLogDeliveryConfiguration(
        userPoolId,
        (await call('GetLogDeliveryConfiguration', { UserPoolId: userPoolId })).LogDeliveryConfiguration,
      ),
    ),
    signingCertificate: perKeyLoader(
      async (userPoolId: string) => (await call('GetSigningCertificate', { UserPoolId: userPoolId })).Certificate ?? null,
    ),
    poolSessionConfiguration: perKeyLoader(async (userPoolId: string) =>
      parseUserPoolSessionConfiguration(userPoolId, await call('GetUserPoolSessionConfiguration', { UserPoolId: userPoolId })),
    ),
    clientSessionConfiguration: perKeyLoader<ClientKey, ClientSessionConfigurationRecord>(
      async (key) =>
        parseClientSessionConfiguration(
          key,
          await call('GetUserPoolClientSessionConfiguration', { UserPoolId: key.userPoolId, ClientId: key.clientId }),
        ),
      clientKeyOf,
    ),
    tags: perKeyLoader(async (resourceArn: string) => parseTags((await call('ListTagsForResource', { ResourceArn: resourceArn })).Tags)),
    readAhead: (start) => {
      start().catch(() => undefined);
    },
    terms: perKeyLoader<TermsKey, TermsRecord>(async (key) => {
      const { Terms } = await call('DescribeTerms', { UserPoolId: key.userPoolId, TermsId: key.termsId });
      if (!Terms) throw missing(`Terms ${key.termsId}`, 'DescribeTerms');
      return parseTerms(key.userPoolId, Terms);
    }, termsKeyOf),
    // Domains, identity providers and resource servers (issue 17)
    userPoolDomain: perKeyLoader(async (domain: string) =>
      parseUserPoolDomain((await call('DescribeUserPoolDomain', { Domain: domain })).DomainDescription),
    ),
    identityProvider: perKeyLoader<IdentityProviderKey, DescribedIdentityProvider>(async (key) => {
      const { IdentityProvider } = await call('DescribeIdentityProvider', { UserPoolId: key.userPoolId, ProviderName: key.providerName });
      if (!IdentityProvider) throw missing(`Identity provider ${key.providerName}`, 'DescribeIdentityProvider');
      return parseIdentityProvider(key.userPoolId, IdentityProvider);
    }, identityProviderKeyOf),
    resourceServer: perKeyLoader<ResourceServerKey, DescribedResourceServer>(async (key) => {
      const { ResourceServer } = await call('DescribeResourceServer', { UserPoolId: key.userPoolId, Identifier: key.identifier });
      if (!ResourceServer) throw missing(`Resource server ${key.identifier}`, 'DescribeResourceServer');
      return parseResourceServer(key.userPoolId, ResourceServer);
    }, resourceServerKeyOf),
  };
};

/** After a write: nothing loaded before it may be served after it. */
export function clearLoaders(loaders: Loaders): void {
  for (const value of Object.values(loaders) as unknown[]) {
    if (typeof value === 'object' && value !== null && 'clearAll' in value) (value as Loader<unknown, unknown>).clearAll();
  }
}

/** Users a list returned: later lookups of the same user in this request cost no call. */
export function primeUsers(loaders: Loaders, users: readonly UserRecord[]): void {
  for (const user of users) loaders.user.prime({ userPoolId: user.userPoolId, username: user.username }, user);
}

/** Devices and import jobs from lists carry everything their Get/Describe would. */
export function primeDevices(loaders: Loaders, devices: readonly DeviceRecord[]): void {
  for (const device of devices) loaders.device.prime(device, device);
}

export function primeImportJobs(loaders: Loaders, jobs: readonly ImportJobRecord[]): void {
  for (const job of jobs) loaders.importJob.prime(job, job);
}

/** Groups a list returned carry everything GetGroup would. */
export function primeGroups(loaders: Loaders, groups: readonly GroupRecord[]): void {
  for (const group of groups) loaders.group.prime({ userPoolId: group.userPoolId, name: group.name }, group);
}

/** Resource servers a list returned carry everything DescribeResourceServer would. */
export function primeResourceServers(loaders: Loaders, servers: readonly ResourceServerRecord[]): void {
  for (const server of servers) if (server.detail) loaders.resourceServer.prime(server, { ...server, detail: server.detail });
}

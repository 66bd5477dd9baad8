import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { CognitoCall } from './call';
import type { DescriptionCache } from './description-cache';
import { listConnection, type PagingOptions } from './connection';
import { filterExpression } from './filter-syntax';
import { membershipIndex, readPoolGroups, type PoolGroups } from './membership';
import {
  clientKeyOf,
  deviceFromCognito,
  deviceKeyOf,
  groupFromCognito,
  importJobFromCognito,
  importJobKeyOf,
  groupKeyOf,
  userFromAdminGetUser,
  userFromListItem,
  userKeyOf,
  type ClientKey,
  type DeviceKey,
  type DeviceRecord,
  type GroupKey,
  type ImportJobKey,
  type ImportJobRecord,
  type GroupRecord,
  type RedactedClient,
  type UserKey,
  type UserRecord,
} from './records';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Per-request loaders. Cognito has no batch get, so a batch is one call per distinct key made
 * together; what DataLoader adds is that no key is described twice in one request, and that
 * records a list already returned are served without a call (see the prime* functions).
 */
export interface Loaders {
  userPool: DataLoader<string, UserPoolType>;
  client: DataLoader<ClientKey, RedactedClient, string>;
  group: DataLoader<GroupKey, GroupRecord, string>;
  /** A user's record, possibly a list summary (no MFA settings). */
  user: DataLoader<UserKey, UserRecord, string>;
  /** A user's full record from AdminGetUser. */
  userDetail: DataLoader<UserKey, UserRecord, string>;
  /** A user by `sub` alone (what other services know from tokens), searched in the given pools. */
  userBySub: DataLoader<SubKey, UserRecord | null, string>;
  /**
   * The groups of users of one pool, for many users at once (the strategy in membership.ts);
   * undefined when it does not pay for this batch, and the caller asks per user instead.
   */
  groupsOfUser: DataLoader<UserKey, GroupRecord[] | undefined, string>;
  /** A pool's groups for the pool-wide way; loaded early when a list's users will want theirs. */
  poolGroups: DataLoader<string, PoolGroups>;
  device: DataLoader<DeviceKey, DeviceRecord, string>;
  importJob: DataLoader<ImportJobKey, ImportJobRecord, string>;
  /**
   * Connections read in this request, by what they read (operation, input and arguments): a
   * list started early (see schema/prefetch.ts) or selected twice is read once.
   */
  connections: DataLoader<ConnectionRead, unknown, string>;
}

export interface ConnectionRead {
  /** Names the read: the same key means the same calls and the same answer. */
  key: string;
  read: () => Promise<unknown>;
}

export interface LoaderOptions {
  /** Descriptions shared across requests (off unless configured). */
  descriptions?: DescriptionCache;
  /**
   * false turns every loader into a plain call per load: no deduplication, no priming. Only the
   * benchmark uses it, as the naive baseline the real loaders are measured against.
   */
  cache: boolean;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function missing(what: string): GraphQLError {
  return new GraphQLError(`${what} was not found.`, { extensions: { code: 'NOT_FOUND' } });
}

/** Users of one pool whose groups are asked together before the pool-wide way is tried. */
export const MIN_USERS_FOR_MEMBERSHIP_INDEX = 4;

export interface SubKey {
  sub: string;
  /** Where to look, in order; the first pool that knows the sub wins. */
  userPoolIds: readonly string[];
}

export function createLoaders(call: CognitoCall, paging: PagingOptions, options: LoaderOptions = { cache: true }): Loaders {
  const shared = <Value>(kind: string, userPoolId: string, key: string, load: () => Promise<Value>) =>
    options.descriptions ? options.descriptions.through(kind, userPoolId, key, load) : load();
  function perKeyLoader<Key, Value>(load: (key: Key) => Promise<Value>, cacheKeyFn?: (key: Key) => string) {
    return new DataLoader<Key, Value, string>(
      (keys) => Promise.all(keys.map((key) => load(key).catch((error: unknown) => asError(error)))),
      {
        cache: options.cache,
        ...(cacheKeyFn ? { cacheKeyFn } : {}),
      },
    );
  }

  const poolGroups = new DataLoader<string, PoolGroups>((pools) => Promise.all(pools.map((pool) => readPoolGroups(call, paging, pool))), {
    cache: options.cache,
  });
  const userDetail = perKeyLoader<UserKey, UserRecord>(
    async (key) => userFromAdminGetUser(key.userPoolId, await call('AdminGetUser', { UserPoolId: key.userPoolId, Username: key.username })),
    userKeyOf,
  );
  return {
    userPool: perKeyLoader((userPoolId: string) =>
      shared('pool', userPoolId, '', async () => {
        const { UserPool } = await call('DescribeUserPool', { UserPoolId: userPoolId });
        if (!UserPool) throw missing(`User pool ${userPoolId}`);
        return UserPool;
      }),
    ),
    client: perKeyLoader<ClientKey, RedactedClient>(
      (key) =>
        shared('client', key.userPoolId, key.clientId, async () => {
          const { UserPoolClient } = await call('DescribeUserPoolClient', { UserPoolId: key.userPoolId, ClientId: key.clientId });
          if (!UserPoolClient) throw missing(`App client ${key.clientId}`);
          return UserPoolClient;
        }),
      clientKeyOf,
    ),
    group: perKeyLoader<GroupKey, GroupRecord>(
      (key) =>
        shared('group', key.userPoolId, key.name, async () => {
          const { Group } = await call('GetGroup', { UserPoolId: key.userPoolId, GroupName: key.name });
          if (!Group) throw missing(`Group ${key.name}`);
          return groupFromCognito(Group, key.userPoolId);
        }),
      groupKeyOf,
    ),
    userDetail,
    user: perKeyLoader<UserKey, UserRecord>((key) => userDetail.load(key), userKeyOf),
    userBySub: perKeyLoader<SubKey, UserRecord | null>(
      async ({ sub, userPoolIds }) => {
        for (const userPoolId of userPoolIds) {
          const Filter = filterExpression('sub', '=', sub);
          const page = await listConnection(call, paging, 'ListUsers', { UserPoolId: userPoolId, Filter }, { first: 1 });
          const found = page.edges[0]?.node;
          if (found) return userFromListItem(userPoolId, found);
        }
        return null;
      },
      ({ sub, userPoolIds }) => `${userPoolIds.join(',')}\u0000${sub}`,
    ),
    groupsOfUser: new DataLoader<UserKey, GroupRecord[] | undefined, string>(
      async (users) => {
        const byPool = new Map<string, UserKey[]>();
        for (const user of users) byPool.set(user.userPoolId, [...(byPool.get(user.userPoolId) ?? []), user]);
        const indexes = new Map(
          await Promise.all(
            [...byPool].map(async ([userPoolId, members]) => {
              // Below this many users the per-user way cannot lose: ListGroups alone is one call.
              const worthTrying = options.cache && members.length >= MIN_USERS_FOR_MEMBERSHIP_INDEX;
              if (!worthTrying) return [userPoolId, undefined] as const;
              const groups = await poolGroups.load(userPoolId);
              return [userPoolId, await membershipIndex(call, paging, userPoolId, members.length - 1, groups)] as const;
            }),
          ),
        );
        return users.map((user) => {
          const index = indexes.get(user.userPoolId);
          return index ? (index.get(user.username) ?? []) : undefined;
        });
      },
      { cacheKeyFn: userKeyOf, cache: options.cache },
    ),
    poolGroups,
    device: perKeyLoader<DeviceKey, DeviceRecord>(async (key) => {
      const { Device } = await call('AdminGetDevice', { UserPoolId: key.userPoolId, Username: key.username, DeviceKey: key.deviceKey });
      if (!Device) throw missing(`Device ${key.deviceKey}`);
      return deviceFromCognito(key, Device);
    }, deviceKeyOf),
    connections: perKeyLoader<ConnectionRead, unknown>(
      (connection) => connection.read(),
      (connection) => connection.key,
    ),
    importJob: perKeyLoader<ImportJobKey, ImportJobRecord>(async (key) => {
      const { UserImportJob } = await call('DescribeUserImportJob', { UserPoolId: key.userPoolId, JobId: key.jobId });
      if (!UserImportJob) throw missing(`Import job ${key.jobId}`);
      return importJobFromCognito(UserImportJob, key.userPoolId);
    }, importJobKeyOf),
  };
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

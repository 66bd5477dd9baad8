import type { InputOf, OperationName, OutputOf } from './commands';

/**
 * How each Cognito list operation pages (from the API reference): which member carries the
 * continuation token in and out, which sets the page size and its maximum, which holds the
 * items, and which member of an item is its key (what a cursor finds its place by when the list
 * changed). The one connection helper reads everything it needs from here.
 *
 * Some operations take no page size (`pageSize: null`): Cognito picks it, and `maxPageSize` is
 * the most it documents returning in one page; the helper sends no size member for them.
 */
export const listOperations = {
  ListUserPools: { token: 'NextToken', pageSize: 'MaxResults', maxPageSize: 60, items: 'UserPools', key: 'Id' },
  ListUserPoolClients: { token: 'NextToken', pageSize: 'MaxResults', maxPageSize: 60, items: 'UserPoolClients', key: 'ClientId' },
  ListUsers: { token: 'PaginationToken', pageSize: 'Limit', maxPageSize: 60, items: 'Users', key: 'Username' },
  ListUsersInGroup: { token: 'NextToken', pageSize: 'Limit', maxPageSize: 60, items: 'Users', key: 'Username' },
  ListGroups: { token: 'NextToken', pageSize: 'Limit', maxPageSize: 60, items: 'Groups', key: 'GroupName' },
  AdminListGroupsForUser: { token: 'NextToken', pageSize: 'Limit', maxPageSize: 60, items: 'Groups', key: 'GroupName' },
  AdminListDevices: { token: 'PaginationToken', pageSize: 'Limit', maxPageSize: 60, items: 'Devices', key: 'DeviceKey' },
  ListDevices: { token: 'PaginationToken', pageSize: 'Limit', maxPageSize: 60, items: 'Devices', key: 'DeviceKey' },
  ListUserImportJobs: { token: 'PaginationToken', pageSize: 'MaxResults', maxPageSize: 60, items: 'UserImportJobs', key: 'JobId' },
  // "Returns all of a user's sessions in a single page of up to 125 sessions" (AdminListUserSessions).
  AdminListUserSessions: { token: 'NextToken', pageSize: null, maxPageSize: 125, items: 'Sessions', key: 'SessionId' },
  ListUserSessions: { token: 'NextToken', pageSize: null, maxPageSize: 125, items: 'Sessions', key: 'SessionId' },
  // MaxResults 0 or absent also means 60 here (operation reference); the helper always sends it.
  AdminListUserAuthEvents: { token: 'NextToken', pageSize: 'MaxResults', maxPageSize: 60, items: 'AuthEvents', key: 'EventId' },
  ListWebAuthnCredentials: { token: 'NextToken', pageSize: 'MaxResults', maxPageSize: 20, items: 'Credentials', key: 'CredentialId' },
  // Terms (issue 17): MaxResults 1 to 60.
  ListTerms: { token: 'NextToken', pageSize: 'MaxResults', maxPageSize: 60, items: 'Terms', key: 'TermsId' },
  // No page size and no documented most per page: a pool has one replica per Region at most, so
  // 60 (the API's usual page) is a bound no page reaches. Replicas are known by their Region.
  ListUserPoolReplicas: { token: 'NextToken', pageSize: null, maxPageSize: 60, items: 'UserPoolReplicas', key: 'RegionName' },
  // A client has at most 2 secrets (its reference says no token is returned; the shapes still carry one).
  ListUserPoolClientSecrets: { token: 'NextToken', pageSize: null, maxPageSize: 2, items: 'ClientSecrets', key: 'ClientSecretId' },
  // Identity providers and resource servers (issue 17): MaxResults 0..60 and 1..50.
  ListIdentityProviders: { token: 'NextToken', pageSize: 'MaxResults', maxPageSize: 60, items: 'Providers', key: 'ProviderName' },
  ListResourceServers: { token: 'NextToken', pageSize: 'MaxResults', maxPageSize: 50, items: 'ResourceServers', key: 'Identifier' },
} as const satisfies { [Name in OperationName]?: ListOperationSpec<Name> };

export interface ListOperationSpec<Name extends OperationName> {
  token: keyof InputOf<Name> & keyof OutputOf<Name> & string;
  /** The member that sets the page size; null when the operation has none. */
  pageSize: (keyof InputOf<Name> & string) | null;
  maxPageSize: number;
  items: keyof OutputOf<Name> & string;
  key: string;
}

export type ListOperationName = keyof typeof listOperations;

type Spec<Name extends ListOperationName> = (typeof listOperations)[Name];

/** What a caller passes: the operation's input without the paging members the helper owns. */
export type ListInput<Name extends ListOperationName> = Omit<InputOf<Name>, Spec<Name>['token'] | NonNullable<Spec<Name>['pageSize']>>;

type ItemsOf<Name extends ListOperationName> = OutputOf<Name>[Spec<Name>['items'] & keyof OutputOf<Name>];

export type ListItem<Name extends ListOperationName> = NonNullable<ItemsOf<Name>> extends readonly (infer Item)[] ? Item : never;

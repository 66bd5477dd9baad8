import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/**
 * Every Cognito operation the gateway calls, by its API name. The one call path looks commands
 * up here, so an operation's name is all a resolver needs to know.
 */
export const commands = {
  AdminGetUser: AdminGetUserCommand,
  AdminListGroupsForUser: AdminListGroupsForUserCommand,
  DescribeUserPool: DescribeUserPoolCommand,
  DescribeUserPoolClient: DescribeUserPoolClientCommand,
  GetGroup: GetGroupCommand,
  ListGroups: ListGroupsCommand,
  ListUserPoolClients: ListUserPoolClientsCommand,
  ListUserPools: ListUserPoolsCommand,
  ListUsers: ListUsersCommand,
  ListUsersInGroup: ListUsersInGroupCommand,
} as const;

export type OperationName = keyof typeof commands;
type CommandOf<Name extends OperationName> = InstanceType<(typeof commands)[Name]>;

export type InputOf<Name extends OperationName> = CommandOf<Name>['input'];

export type OutputOf<Name extends OperationName> =
  ReturnType<CommandOf<Name>['resolveMiddleware']> extends (...args: never[]) => Promise<{ output: infer Output }>
    ? Omit<Output, '$metadata'>
    : never;

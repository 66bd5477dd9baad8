import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserCommand,
  DeleteUserAttributesCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolClientCommand,
  ForgotPasswordCommand,
  GetGroupCommand,
  GetUserCommand,
  GetUserAttributeVerificationCodeCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SetUserSettingsCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/**
 * Every Cognito operation the gateway calls, by its API name. The one call path looks commands
 * up here, so an operation's name is all a resolver needs to know.
 */
export const commands = {
  AdminGetUser: AdminGetUserCommand,
  AdminListGroupsForUser: AdminListGroupsForUserCommand,
  ChangePassword: ChangePasswordCommand,
  ConfirmForgotPassword: ConfirmForgotPasswordCommand,
  ConfirmSignUp: ConfirmSignUpCommand,
  DeleteUser: DeleteUserCommand,
  DeleteUserAttributes: DeleteUserAttributesCommand,
  DescribeUserPool: DescribeUserPoolCommand,
  DescribeUserPoolClient: DescribeUserPoolClientCommand,
  ForgotPassword: ForgotPasswordCommand,
  GetGroup: GetGroupCommand,
  GetUser: GetUserCommand,
  GetUserAttributeVerificationCode: GetUserAttributeVerificationCodeCommand,
  GlobalSignOut: GlobalSignOutCommand,
  InitiateAuth: InitiateAuthCommand,
  ListGroups: ListGroupsCommand,
  ListUserPoolClients: ListUserPoolClientsCommand,
  ListUserPools: ListUserPoolsCommand,
  ListUsers: ListUsersCommand,
  ListUsersInGroup: ListUsersInGroupCommand,
  ResendConfirmationCode: ResendConfirmationCodeCommand,
  RespondToAuthChallenge: RespondToAuthChallengeCommand,
  SetUserSettings: SetUserSettingsCommand,
  SignUp: SignUpCommand,
  UpdateUserAttributes: UpdateUserAttributesCommand,
  VerifyUserAttribute: VerifyUserAttributeCommand,
} as const;

export type OperationName = keyof typeof commands;
type CommandOf<Name extends OperationName> = InstanceType<(typeof commands)[Name]>;

export type InputOf<Name extends OperationName> = CommandOf<Name>['input'];

export type OutputOf<Name extends OperationName> =
  ReturnType<CommandOf<Name>['resolveMiddleware']> extends (...args: never[]) => Promise<{ output: infer Output }>
    ? Omit<Output, '$metadata'>
    : never;

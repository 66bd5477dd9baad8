import type {
  PasswordPolicyType,
  SchemaAttributeType,
  UpdateUserPoolRequest,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { parseUserPool, parseUserPoolSummary } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier, checkRange } from '../domain/identifiers';
import type { UserPoolDetail, UserPoolRecord, UserPoolSummary } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';

export async function listUserPools(ctx: GatewayContext, args: ConnectionArgs): Promise<RelayConnection<UserPoolRecord>> {
  return listRecords(ctx, 'ListUserPools', {}, args, parseUserPoolSummary);
}

/** `alongside` runs once the key is checked, before the read: see schema/prefetch.ts. */
export async function getUserPool(ctx: GatewayContext, userPoolId: string, alongside?: () => void): Promise<UserPoolRecord | null> {
  checkIdentifier('userPoolId', userPoolId);
  alongside?.();
  const detail = await nullIfNotFound(ctx.loaders.userPool.load(userPoolId));
  return detail ? { userPoolId, detail } : null;
}

/** A pool known only by id (a user's pool, say): its fields load the description on demand. */
export function userPoolReference(userPoolId: string): UserPoolRecord {
  return { userPoolId };
}

/** The pool's full description (DescribeUserPool, once per request). */
export async function userPoolDetail(ctx: GatewayContext, pool: UserPoolRecord): Promise<UserPoolDetail> {
  return pool.detail ?? ctx.loaders.userPool.load(pool.userPoolId);
}

/** What a ListUserPools summary carries is served from it; no DescribeUserPool for it. */
export async function userPoolSummary(ctx: GatewayContext, pool: UserPoolRecord): Promise<UserPoolSummary> {
  return pool.summary ?? userPoolDetail(ctx, pool);
}

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

export interface PasswordPolicyInput {
  minimumLength?: number | null;
  requireUppercase?: boolean | null;
  requireLowercase?: boolean | null;
  requireNumbers?: boolean | null;
  requireSymbols?: boolean | null;
  temporaryPasswordValidityDays?: number | null;
}

export interface CustomAttributeInput {
  name: string;
  dataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
  mutable?: boolean | null;
  developerOnly?: boolean | null;
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
}

export interface PoolSettingsInput {
  autoVerifiedAttributes?: ('email' | 'phone_number')[] | null;
  mfaConfiguration?: 'OFF' | 'ON' | 'OPTIONAL' | null;
  deletionProtection?: boolean | null;
  passwordPolicy?: PasswordPolicyInput | null;
}

export interface CreateUserPoolInput extends PoolSettingsInput {
  poolName: string;
  usernameAttributes?: ('email' | 'phone_number')[] | null;
  aliasAttributes?: ('email' | 'phone_number' | 'preferred_username')[] | null;
  customAttributes?: CustomAttributeInput[] | null;
}

function checkPasswordPolicy(input: PasswordPolicyInput): void {
  if (input.minimumLength != null) checkRange(input.minimumLength, 6, 99, 'input.passwordPolicy.minimumLength');
  if (input.temporaryPasswordValidityDays != null) {
    checkRange(input.temporaryPasswordValidityDays, 0, 365, 'input.passwordPolicy.temporaryPasswordValidityDays');
  }
}

/** The policy with the input's settings on top of `current`; a setting not given stays. */
function passwordPolicy(input: PasswordPolicyInput, current: PasswordPolicyType = {}): PasswordPolicyType {
  return {
    ...current,
    MinimumLength: input.minimumLength ?? current.MinimumLength,
    RequireUppercase: input.requireUppercase ?? current.RequireUppercase,
    RequireLowercase: input.requireLowercase ?? current.RequireLowercase,
    RequireNumbers: input.requireNumbers ?? current.RequireNumbers,
    RequireSymbols: input.requireSymbols ?? current.RequireSymbols,
    TemporaryPasswordValidityDays: input.temporaryPasswordValidityDays ?? current.TemporaryPasswordValidityDays,
  };
}

function schemaAttributes(attributes: readonly CustomAttributeInput[], field: string): SchemaAttributeType[] {
  if (attributes.length > 50) throw invalidInput(field, 'a pool has at most 50 custom attributes');
  return attributes.map((attribute, index) => {
    const at = `${field}[${index}]`;
    // Custom names are given without the `custom:` prefix Cognito adds, and are 1-20 characters.
    const name = checkIdentifier('attributeName', attribute.name.replace(/^custom:/, ''), `${at}.name`);
    if (name.length > 20) throw invalidInput(`${at}.name`, 'must be at most 20 characters (without custom:)');
    const isText = attribute.dataType === 'String';
    const isNumber = attribute.dataType === 'Number';
    if (!isText && (attribute.minLength != null || attribute.maxLength != null))
      throw invalidInput(`${at}.minLength`, 'applies to String attributes only');
    if (!isNumber && (attribute.minValue != null || attribute.maxValue != null))
      throw invalidInput(`${at}.minValue`, 'applies to Number attributes only');
    const text = (value: number | null | undefined) => (value == null ? undefined : String(value));
    return {
      Name: name,
      AttributeDataType: attribute.dataType,
      Mutable: attribute.mutable ?? true,
      DeveloperOnlyAttribute: attribute.developerOnly ?? false,
      ...(isText ? { StringAttributeConstraints: { MinLength: text(attribute.minLength), MaxLength: text(attribute.maxLength) } } : {}),
      ...(isNumber ? { NumberAttributeConstraints: { MinValue: text(attribute.minValue), MaxValue: text(attribute.maxValue) } } : {}),
    };
  });
}

export async function createUserPool(ctx: GatewayContext, input: CreateUserPoolInput): Promise<{ userPool: UserPoolRecord | null }> {
  if (input.passwordPolicy) checkPasswordPolicy(input.passwordPolicy);
  const output = await ctx.call('CreateUserPool', {
    PoolName: checkIdentifier('name', input.poolName, 'input.poolName'),
    ...(input.usernameAttributes ? { UsernameAttributes: input.usernameAttributes } : {}),
    ...(input.aliasAttributes ? { AliasAttributes: input.aliasAttributes } : {}),
    ...(input.autoVerifiedAttributes ? { AutoVerifiedAttributes: input.autoVerifiedAttributes } : {}),
    ...(input.mfaConfiguration ? { MfaConfiguration: input.mfaConfiguration } : {}),
    ...(input.deletionProtection != null ? { DeletionProtection: input.deletionProtection ? 'ACTIVE' : 'INACTIVE' } : {}),
    ...(input.passwordPolicy ? { Policies: { PasswordPolicy: passwordPolicy(input.passwordPolicy) } } : {}),
    ...(input.customAttributes?.length ? { Schema: schemaAttributes(input.customAttributes, 'input.customAttributes') } : {}),
  });
  return { userPool: output.UserPool ? parseUserPool(output.UserPool) : null };
}

/**
 * UpdateUserPool resets every setting it is not given to its default. The gateway gives it the
 * pool's current settings with the input's changes on top, so an update changes only what it names.
 */
const carriedOverSettings = [
  'Policies',
  'DeletionProtection',
  'LambdaConfig',
  'AutoVerifiedAttributes',
  'SmsVerificationMessage',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'VerificationMessageTemplate',
  'SmsAuthenticationMessage',
  'UserAttributeUpdateSettings',
  'MfaConfiguration',
  'DeviceConfiguration',
  'EmailConfiguration',
  'SmsConfiguration',
  'UserPoolTags',
  'AdminCreateUserConfig',
  'UserPoolAddOns',
  'AccountRecoverySetting',
] as const satisfies readonly (keyof UpdateUserPoolRequest & keyof UserPoolType)[];

export async function updateUserPool(
  ctx: GatewayContext,
  input: PoolSettingsInput & { userPoolId: string },
): Promise<{ userPool: UserPoolRecord }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  if (input.passwordPolicy) checkPasswordPolicy(input.passwordPolicy);
  const { UserPool: current = {} } = await ctx.call('DescribeUserPool', { UserPoolId });
  const carried = Object.fromEntries(carriedOverSettings.flatMap((key) => (current[key] === undefined ? [] : [[key, current[key]]])));
  await ctx.call('UpdateUserPool', {
    ...carried,
    UserPoolId,
    ...(input.autoVerifiedAttributes ? { AutoVerifiedAttributes: input.autoVerifiedAttributes } : {}),
    ...(input.mfaConfiguration ? { MfaConfiguration: input.mfaConfiguration } : {}),
    ...(input.deletionProtection != null ? { DeletionProtection: input.deletionProtection ? 'ACTIVE' : 'INACTIVE' } : {}),
    ...(input.passwordPolicy
      ? { Policies: { ...current.Policies, PasswordPolicy: passwordPolicy(input.passwordPolicy, current.Policies?.PasswordPolicy) } }
      : {}),
  });
  return { userPool: userPoolReference(UserPoolId) };
}

export async function deleteUserPool(ctx: GatewayContext, input: { userPoolId: string }) {
  await ctx.call('DeleteUserPool', { UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId') });
  return { deletedUserPoolId: input.userPoolId };
}

export async function addCustomAttributes(ctx: GatewayContext, input: { userPoolId: string; attributes: CustomAttributeInput[] }) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  if (input.attributes.length === 0) throw invalidInput('input.attributes', 'must name at least one attribute');
  await ctx.call('AddCustomAttributes', { UserPoolId, CustomAttributes: schemaAttributes(input.attributes, 'input.attributes') });
  return { userPool: userPoolReference(UserPoolId) };
}

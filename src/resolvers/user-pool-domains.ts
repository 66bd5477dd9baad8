import type { CustomDomainConfigType, SecurityPolicyType } from '@aws-sdk/client-cognito-identity-provider';
import { GatewayError, invalidInput } from '../domain/gateway-error';
import { checkIdentifier, checkRange } from '../domain/identifiers';
import type { UserPoolDomainDetail, UserPoolDomainRecord, UserPoolRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { userPoolDetail } from './user-pools';

/**
 * A pool's domains: DescribeUserPool names them (a prefix domain, a custom domain, each at most
 * one), DescribeUserPoolDomain tells the rest. Asking only for a domain's name costs no more than
 * the pool's description.
 */
export async function poolDomain(
  ctx: GatewayContext,
  pool: UserPoolRecord,
  kind: 'prefix' | 'custom',
): Promise<UserPoolDomainRecord | null> {
  const detail = await userPoolDetail(ctx, pool);
  const domain = kind === 'prefix' ? detail.domain : detail.customDomain;
  return domain ? { domain, userPoolId: pool.userPoolId, custom: kind === 'custom' } : null;
}

/** A domain by name: DescribeUserPoolDomain, once per request; null when no pool has it. */
export async function describeUserPoolDomain(ctx: GatewayContext, domain: string): Promise<UserPoolDomainRecord | null> {
  return ctx.loaders.userPoolDomain.load(checkIdentifier('domain', domain));
}

/** What DescribeUserPoolDomain tells; null when the domain is gone (deleted since its pool was read). */
export async function domainDetail(ctx: GatewayContext, domain: UserPoolDomainRecord): Promise<UserPoolDomainDetail | null> {
  return domain.detail ?? (await ctx.loaders.userPoolDomain.load(domain.domain))?.detail ?? null;
}

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

export interface CustomDomainInput {
  certificateArn: string;
  securityPolicy?: SecurityPolicyType | null;
}

export interface UserPoolDomainInput {
  userPoolId: string;
  domain: string;
  managedLoginVersion?: number | null;
  customDomain?: CustomDomainInput | null;
}

interface DomainPayload {
  domain: UserPoolDomainRecord;
  cloudFrontDomain: string | null;
  managedLoginVersion: number | null;
}

function customDomainConfig(input: CustomDomainInput): CustomDomainConfigType {
  return {
    CertificateArn: checkIdentifier('certificateArn', input.certificateArn, 'input.customDomain.certificateArn'),
    ...(input.securityPolicy != null ? { SecurityPolicy: input.securityPolicy } : {}),
  };
}

/** The domain's members common to create and update; a domain with a dot is a custom domain, and only it has a certificate. */
function domainTarget(input: UserPoolDomainInput) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const Domain = checkIdentifier('domain', input.domain, 'input.domain');
  const custom = Domain.includes('.');
  if (!custom && Domain.length > 63) throw invalidInput('input.domain', 'a prefix domain is at most 63 characters');
  if (!custom && input.customDomain)
    throw invalidInput('input.customDomain', 'is for a custom domain (a host name such as auth.example.com), not a prefix');
  return {
    UserPoolId,
    Domain,
    custom,
    ...(input.managedLoginVersion != null
      ? { ManagedLoginVersion: checkRange(input.managedLoginVersion, 1, 2, 'input.managedLoginVersion') }
      : {}),
    ...(input.customDomain ? { CustomDomainConfig: customDomainConfig(input.customDomain) } : {}),
  };
}

export async function createUserPoolDomain(ctx: GatewayContext, input: UserPoolDomainInput): Promise<DomainPayload> {
  const { custom, ...request } = domainTarget(input);
  if (custom && !request.CustomDomainConfig) {
    throw invalidInput('input.customDomain', 'a custom domain needs its certificate (customDomain.certificateArn)');
  }
  const output = await ctx.call('CreateUserPoolDomain', request);
  return {
    domain: { domain: request.Domain, userPoolId: request.UserPoolId, custom },
    cloudFrontDomain: output.CloudFrontDomain ?? null,
    managedLoginVersion: output.ManagedLoginVersion ?? null,
  };
}

/**
 * Cognito does not say UpdateUserPoolDomain keeps what it is not given; the gateway sends the
 * domain's current managed login version and certificate with the input's changes on top, so an
 * update changes only what it names.
 */
export async function updateUserPoolDomain(ctx: GatewayContext, input: UserPoolDomainInput): Promise<DomainPayload> {
  const { custom: _custom, ...changes } = domainTarget(input);
  const current = await ctx.loaders.userPoolDomain.load(changes.Domain);
  if (!current || (current.userPoolId !== undefined && current.userPoolId !== changes.UserPoolId)) {
    throw new GatewayError('NOT_FOUND', `The pool ${changes.UserPoolId} has no domain ${changes.Domain}.`, {
      exception: 'ResourceNotFoundException',
      operation: 'DescribeUserPoolDomain',
      field: 'input.domain',
    });
  }
  const detail = current.detail ?? {};
  const carried = {
    ...(detail.managedLoginVersion !== undefined ? { ManagedLoginVersion: detail.managedLoginVersion } : {}),
    ...(detail.certificateArn !== undefined
      ? {
          CustomDomainConfig: {
            CertificateArn: detail.certificateArn,
            ...(detail.securityPolicy !== undefined ? { SecurityPolicy: detail.securityPolicy as SecurityPolicyType } : {}),
          },
        }
      : {}),
  };
  const output = await ctx.call('UpdateUserPoolDomain', { ...carried, ...changes });
  return {
    domain: { domain: changes.Domain, userPoolId: changes.UserPoolId, custom: current.custom },
    cloudFrontDomain: output.CloudFrontDomain ?? null,
    managedLoginVersion: output.ManagedLoginVersion ?? null,
  };
}

export async function deleteUserPoolDomain(ctx: GatewayContext, input: { userPoolId: string; domain: string }) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const Domain = checkIdentifier('domain', input.domain, 'input.domain');
  await ctx.call('DeleteUserPoolDomain', { UserPoolId, Domain });
  return { userPoolId: UserPoolId, deletedDomain: Domain };
}

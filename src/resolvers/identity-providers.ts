import type { IdentityProviderTypeType } from '@aws-sdk/client-cognito-identity-provider';
import { parseIdentityProvider, parseIdentityProviderSummary } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { IdentityProviderKey } from '../domain/keys';
import type { IdentityProviderDetail, IdentityProviderRecord, IdentityProviderSummary } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';

/**
 * A pool's external identity providers (SAML, OIDC and the social ones), and the built-in one: an
 * app client lists `COGNITO` among its providers for the pool's own directory, which Cognito has
 * no description of. The gateway answers it as an IdentityProvider of type COGNITO, named COGNITO,
 * without a call.
 */
export const BUILT_IN_PROVIDER = 'COGNITO';

const builtIn = (userPoolId: string): IdentityProviderRecord => ({
  userPoolId,
  providerName: BUILT_IN_PROVIDER,
  detail: { providerType: BUILT_IN_PROVIDER, providerDetails: [], secretProviderDetails: [], attributeMapping: [], idpIdentifiers: [] },
});

export async function listIdentityProviders(
  ctx: GatewayContext,
  userPoolId: string,
  args: ConnectionArgs,
): Promise<RelayConnection<IdentityProviderRecord>> {
  return listRecords(ctx, 'ListIdentityProviders', { UserPoolId: userPoolId }, args, (provider) =>
    parseIdentityProviderSummary(userPoolId, provider),
  );
}

export async function getIdentityProvider(ctx: GatewayContext, key: IdentityProviderKey): Promise<IdentityProviderRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('providerName', key.providerName);
  if (key.providerName === BUILT_IN_PROVIDER) return builtIn(key.userPoolId);
  return nullIfNotFound(ctx.loaders.identityProvider.load(key));
}

/** The provider that signs in users of an email domain or identifier (GetIdentityProviderByIdentifier). */
export async function getIdentityProviderByIdentifier(
  ctx: GatewayContext,
  userPoolId: string,
  identifier: string,
): Promise<IdentityProviderRecord | null> {
  const UserPoolId = checkIdentifier('userPoolId', userPoolId);
  const IdpIdentifier = checkIdentifier('idpIdentifier', identifier, 'identifier');
  const output = await nullIfNotFound(ctx.call('GetIdentityProviderByIdentifier', { UserPoolId, IdpIdentifier }));
  const IdentityProvider = output?.IdentityProvider;
  if (!IdentityProvider) return null;
  const provider = parseIdentityProvider(UserPoolId, IdentityProvider);
  ctx.loaders.identityProvider.prime(provider, provider);
  return provider;
}

/** The providers an app client signs in with, by name: each described once per request, however many clients list it. */
export function clientIdentityProviders(userPoolId: string, names: readonly string[]): IdentityProviderRecord[] {
  return names.map((providerName) => (providerName === BUILT_IN_PROVIDER ? builtIn(userPoolId) : { userPoolId, providerName }));
}

/** The provider's full description (DescribeIdentityProvider, once per request), without its secrets. */
export async function identityProviderDetail(ctx: GatewayContext, provider: IdentityProviderRecord): Promise<IdentityProviderDetail> {
  return provider.detail ?? (await ctx.loaders.identityProvider.load(provider)).detail;
}

/** Type and dates: from a list's summary when there is one, costing no DescribeIdentityProvider. */
export async function identityProviderSummary(ctx: GatewayContext, provider: IdentityProviderRecord): Promise<IdentityProviderSummary> {
  return provider.summary ?? identityProviderDetail(ctx, provider);
}

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

export interface KeyValueInput {
  key: string;
  value: string;
}

export interface AttributeMappingInput {
  userPoolAttribute: string;
  providerAttribute: string;
}

export interface IdentityProviderSettingsInput {
  providerDetails?: KeyValueInput[] | null;
  attributeMapping?: AttributeMappingInput[] | null;
  idpIdentifiers?: string[] | null;
}

export interface CreateIdentityProviderInput extends IdentityProviderSettingsInput {
  userPoolId: string;
  providerName: string;
  providerType: IdentityProviderTypeType | typeof BUILT_IN_PROVIDER;
}

/** The ProviderDetails keys Cognito needs to create each type of provider (API reference, CreateIdentityProvider). */
const requiredDetails: Record<IdentityProviderTypeType, readonly (readonly string[])[]> = {
  Google: [['client_id'], ['client_secret'], ['authorize_scopes']],
  Facebook: [['client_id'], ['client_secret'], ['authorize_scopes']],
  LoginWithAmazon: [['client_id'], ['client_secret'], ['authorize_scopes']],
  SignInWithApple: [['client_id'], ['team_id'], ['key_id'], ['private_key'], ['authorize_scopes']],
  OIDC: [['client_id'], ['attributes_request_method'], ['oidc_issuer'], ['authorize_scopes']],
  // One of the two.
  SAML: [['MetadataURL', 'MetadataFile']],
};

/** Settings Cognito works out itself and answers in a description, but does not take back. */
const describedOnly = new Set([
  'attributes_url_add_attributes',
  'ActiveEncryptionCertificate',
  'SLORedirectBindingURI',
  'SSORedirectBindingURI',
]);

/** SAML metadata is given one way: a newly given URL or file replaces the other. */
const alternatives: Readonly<Record<string, string>> = { MetadataURL: 'MetadataFile', MetadataFile: 'MetadataURL' };

function providerDetails(list: readonly KeyValueInput[], field: string): Record<string, string> {
  const details: Record<string, string> = {};
  list.forEach(({ key, value }, index) => {
    checkIdentifier('providerDetailKey', key, `${field}[${index}].key`);
    checkIdentifier('providerDetailValue', value, `${field}[${index}].value`);
    if (describedOnly.has(key)) throw invalidInput(`${field}[${index}].key`, `${key} is set by Cognito, not by you`);
    if (key in details) throw invalidInput(`${field}[${index}].key`, `${key} is given twice`);
    details[key] = value;
  });
  return details;
}

function attributeMapping(list: readonly AttributeMappingInput[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  list.forEach(({ userPoolAttribute, providerAttribute }, index) => {
    checkIdentifier('attributeName', userPoolAttribute, `input.attributeMapping[${index}].userPoolAttribute`);
    checkIdentifier('providerAttribute', providerAttribute, `input.attributeMapping[${index}].providerAttribute`);
    if (userPoolAttribute in mapping)
      throw invalidInput(`input.attributeMapping[${index}].userPoolAttribute`, `${userPoolAttribute} is mapped twice`);
    mapping[userPoolAttribute] = providerAttribute;
  });
  return mapping;
}

function idpIdentifiers(list: readonly string[]): string[] {
  if (list.length > 50) throw invalidInput('input.idpIdentifiers', 'must hold at most 50 identifiers');
  return list.map((identifier, index) => checkIdentifier('idpIdentifier', identifier, `input.idpIdentifiers[${index}]`));
}

function providerKey(input: { userPoolId: string; providerName: string }) {
  return {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    ProviderName: checkIdentifier('providerName', input.providerName, 'input.providerName'),
  };
}

export async function createIdentityProvider(ctx: GatewayContext, input: CreateIdentityProviderInput) {
  const key = providerKey(input);
  if (key.ProviderName === BUILT_IN_PROVIDER || input.providerType === BUILT_IN_PROVIDER) {
    throw invalidInput(
      input.providerType === BUILT_IN_PROVIDER ? 'input.providerType' : 'input.providerName',
      'COGNITO is the pool’s own directory, built in',
    );
  }
  const ProviderDetails = providerDetails(input.providerDetails ?? [], 'input.providerDetails');
  const missing = requiredDetails[input.providerType].find((oneOf) => !oneOf.some((name) => ProviderDetails[name] !== undefined));
  if (missing) throw invalidInput('input.providerDetails', `a ${input.providerType} provider needs ${missing.join(' or ')}`);
  const output = await ctx.call('CreateIdentityProvider', {
    ...key,
    ProviderType: input.providerType,
    ProviderDetails,
    ...(input.attributeMapping ? { AttributeMapping: attributeMapping(input.attributeMapping) } : {}),
    ...(input.idpIdentifiers ? { IdpIdentifiers: idpIdentifiers(input.idpIdentifiers) } : {}),
  });
  return { identityProvider: output.IdentityProvider ? parseIdentityProvider(key.UserPoolId, output.IdentityProvider) : null };
}

export interface UpdateIdentityProviderInput extends IdentityProviderSettingsInput {
  userPoolId: string;
  providerName: string;
  /** ProviderDetails keys to remove; the others not given are kept. */
  removeProviderDetails?: string[] | null;
}

/**
 * Changes only what the input names: ProviderDetails key by key (a secret not given is kept, so
 * a change of scopes needs no client_secret), the attribute mapping and the identifiers whole
 * when given. UpdateIdentityProvider is sent the provider's current settings with the changes on
 * top; the current secrets are read for that alone and go nowhere but back to Cognito.
 */
export async function updateIdentityProvider(ctx: GatewayContext, input: UpdateIdentityProviderInput) {
  const key = providerKey(input);
  if (key.ProviderName === BUILT_IN_PROVIDER)
    throw invalidInput('input.providerName', 'COGNITO is the pool’s own directory, built in: it has no settings');
  const changes = providerDetails(input.providerDetails ?? [], 'input.providerDetails');
  const removed = new Set(input.removeProviderDetails ?? []);
  (input.removeProviderDetails ?? []).forEach((name, index) => {
    checkIdentifier('providerDetailKey', name, `input.removeProviderDetails[${index}]`);
    if (name in changes) throw invalidInput(`input.removeProviderDetails[${index}]`, `${name} is also given a value`);
  });
  const mapping = input.attributeMapping ? attributeMapping(input.attributeMapping) : undefined;
  const identifiers = input.idpIdentifiers ? idpIdentifiers(input.idpIdentifiers) : undefined;

  const { IdentityProvider: current = {} } = await ctx.call('DescribeIdentityProvider', key, { revealSecrets: true });
  const kept = Object.entries(current.ProviderDetails ?? {}).filter(
    ([name]) => !describedOnly.has(name) && !removed.has(name) && !(alternatives[name] !== undefined && alternatives[name]! in changes),
  );
  // A metadata URL Cognito has read answers with the file it read: carrying both over would give it two sources.
  const carried = Object.fromEntries(kept);
  if (carried['MetadataURL'] !== undefined && carried['MetadataFile'] !== undefined && !('MetadataFile' in changes))
    delete carried['MetadataFile'];

  const output = await ctx.call('UpdateIdentityProvider', {
    ...key,
    ProviderDetails: { ...carried, ...changes },
    ...((mapping ?? current.AttributeMapping) ? { AttributeMapping: mapping ?? current.AttributeMapping } : {}),
    ...((identifiers ?? current.IdpIdentifiers) ? { IdpIdentifiers: identifiers ?? current.IdpIdentifiers } : {}),
  });
  return { identityProvider: output.IdentityProvider ? parseIdentityProvider(key.UserPoolId, output.IdentityProvider) : null };
}

export async function deleteIdentityProvider(ctx: GatewayContext, input: { userPoolId: string; providerName: string }) {
  const key = providerKey(input);
  if (key.ProviderName === BUILT_IN_PROVIDER) throw invalidInput('input.providerName', 'COGNITO is the pool’s own directory, built in');
  await ctx.call('DeleteIdentityProvider', key);
  return { userPoolId: key.UserPoolId, deletedProviderName: key.ProviderName };
}

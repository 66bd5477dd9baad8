import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands, readOperations } from '../../src/cognito/commands';
import { listOperations } from '../../src/cognito/list-operations';
import { schema } from '../../src/schema';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

const classic = fixture('classic-operations.txt')
  .split('\n')
  .filter(Boolean)
  .map((line) => /^([A-Za-z]+)\(/.exec(line)?.[1] ?? '');

interface OperationRow {
  operation: string;
  kind: 'read' | 'write' | 'auth' | 'self';
  pageSizeParam: string;
  pageSizeMax: string;
  tokenIn: string;
  itemsField: string;
}

const current: OperationRow[] = fixture('cognito-operations.tsv')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const cells = line.split('\t');
    return {
      operation: cells[0]!,
      kind: cells[2] as OperationRow['kind'],
      pageSizeParam: cells[7]!,
      pageSizeMax: cells[8]!,
      tokenIn: cells[10]!,
      itemsField: cells[12]!,
    };
  });
const byName = new Map(current.map((row) => [row.operation, row]));

const mutationNames = new Set(Object.keys(schema.getMutationType()?.getFields() ?? {}));
const mutationFor = (operation: string) => operation.charAt(0).toLowerCase() + operation.slice(1);
/** Operations of the current API the gateway also serves, beyond the classic list. */
const currentApiAdditions = [
  'AdminSetUserPassword',
  // MFA (issue 16); GetUserPoolMfaConfig, a read, is UserPool.mfaConfig
  'AdminDeleteSoftwareToken',
  'AdminSetUserMFAPreference',
  'AssociateSoftwareToken',
  'SetUserMFAPreference',
  'SetUserPoolMfaConfig',
  'VerifySoftwareToken',
  'AdminListUserSessions',
  'ListUserSessions',
  'AdminRevokeUserSession',
  'RevokeUserSession',
  'GetTokensFromRefreshToken',
  'RevokeToken',
  'GetClientToken',
  // Sign-in risk and linked identities (issue 16)
  'AdminListUserAuthEvents',
  'AdminUpdateAuthEventFeedback',
  'UpdateAuthEventFeedback',
  'DescribeRiskConfiguration',
  'SetRiskConfiguration',
  'AdminLinkProviderForUser',
  'AdminDisableProviderForUser',
  // Passkeys and auth factors (issue 16): the reads are CognitoViewer.passkeys, CognitoViewer.authFactors and User.authFactors
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'DeleteWebAuthnCredential',
  'ListWebAuthnCredentials',
  'GetUserAuthFactors',
  'AdminGetUserAuthFactors',
  // Branding and terms (issue 17): the reads are UserPool.managedLoginBranding, Client.managedLoginBranding,
  // UserPool.uiCustomization, Client.uiCustomization, UserPool.terms, UserPool.termsById and Client.terms
  'CreateManagedLoginBranding',
  'DescribeManagedLoginBranding',
  'DescribeManagedLoginBrandingByClient',
  'UpdateManagedLoginBranding',
  'DeleteManagedLoginBranding',
  'GetUICustomization',
  'SetUICustomization',
  'CreateTerms',
  'DescribeTerms',
  'DescribeTermsByClient',
  'UpdateTerms',
  'DeleteTerms',
  'ListTerms',
  // Log delivery, replicas, signing certificate and provisioned limits (issue 17): the reads are
  // UserPool.logDeliveryConfiguration, UserPool.replicas, UserPool.signingCertificate and Query.provisionedLimit
  'GetLogDeliveryConfiguration',
  'SetLogDeliveryConfiguration',
  'CreateUserPoolReplica',
  'UpdateUserPoolReplica',
  'DeleteUserPoolReplica',
  'ListUserPoolReplicas',
  'GetSigningCertificate',
  'GetProvisionedLimit',
  'UpdateProvisionedLimit',
  // Client secrets, session configuration and tags (issue 17): the reads are Client.secrets,
  // UserPool.sessionConfiguration, Client.sessionConfiguration and UserPool.tags
  'AddUserPoolClientSecret',
  'DeleteUserPoolClientSecret',
  'ListUserPoolClientSecrets',
  'SetUserPoolSessionConfiguration',
  'SetUserPoolClientSessionConfiguration',
  'GetUserPoolSessionConfiguration',
  'GetUserPoolClientSessionConfiguration',
  'TagResource',
  'UntagResource',
  'ListTagsForResource',
  // Domains, identity providers and resource servers (issue 17); the reads are UserPool.domain/customDomain,
  // Query.userPoolDomain, UserPool.identityProviders/identityProvider/identityProviderByIdentifier,
  // UserPool.resourceServers/resourceServer, and the Client's identityProviders and allowedScopes
  'CreateUserPoolDomain',
  'DescribeUserPoolDomain',
  'UpdateUserPoolDomain',
  'DeleteUserPoolDomain',
  'CreateIdentityProvider',
  'DescribeIdentityProvider',
  'UpdateIdentityProvider',
  'DeleteIdentityProvider',
  'ListIdentityProviders',
  'GetIdentityProviderByIdentifier',
  'CreateResourceServer',
  'DescribeResourceServer',
  'UpdateResourceServer',
  'DeleteResourceServer',
  'ListResourceServers',
];

describe('every operation of the classic API is served', () => {
  it('the fixture holds the 65 classic operations, each a real SDK command', () => {
    expect(classic).toHaveLength(65);
    for (const operation of classic) expect(sdk, operation).toHaveProperty(`${operation}Command`);
  });

  it('every write, sign-in and self-service operation has a mutation of its own name', () => {
    const writes = [...classic, ...currentApiAdditions].filter((operation) => byName.get(operation)?.kind !== 'read');
    const missing = writes.filter((operation) => !mutationNames.has(mutationFor(operation)));
    expect(missing).toEqual([]);
    expect(writes.length).toBe(94);
  });

  it('every read operation is called by the gateway (it is in the call path table)', () => {
    const reads = classic.filter((operation) => byName.get(operation)?.kind === 'read');
    expect(reads.filter((operation) => !(operation in commands))).toEqual([]);
    expect(reads).toHaveLength(18);
  });

  it('calls every read operation added from the current API', () => {
    const reads = currentApiAdditions.filter((operation) => byName.get(operation)?.kind === 'read');
    expect(reads.filter((operation) => !(operation in commands))).toEqual([]);
    // Other groups add reads of their own: this group's are among them.
    expect(reads).toEqual(expect.arrayContaining(['AdminListUserAuthEvents', 'DescribeRiskConfiguration']));
  });

  it('counts 65 of 65 classic operations covered', () => {
    const covered = classic.filter(
      (operation) => mutationNames.has(mutationFor(operation)) || (operation in commands && byName.get(operation)?.kind === 'read'),
    );
    expect(covered).toHaveLength(65);
  });
});

/**
 * Every operation of the current API that no field serves yet, with where it is planned or why it
 * is left out. An operation leaves this table in the change that serves it (a test below fails
 * while a served operation is still listed here).
 */
const notServed: Record<string, string> = {
  // Every operation of the current API is served: an operation the SDK adds lands here, with its
  // plan or the reason it is left out, until a field serves it.
};

/** Where the gateway makes its calls: the resolvers, and the loaders and membership reads they use. */
const callSites = [
  ...readdirSync(new URL('../../src/resolvers/', import.meta.url)).map((name) => `../../src/resolvers/${name}`),
  '../../src/cognito/loaders.ts',
  '../../src/cognito/membership.ts',
]
  .map((path) => readFileSync(new URL(path, import.meta.url), 'utf8'))
  .join('\n');

/** Served: in the call path's table, called by name from a call site, and (for a write) a mutation of its name. */
function served(operation: string): boolean {
  const called = operation in commands && callSites.includes(`'${operation}'`);
  return called && (byName.get(operation)?.kind === 'read' || mutationNames.has(mutationFor(operation)));
}

describe('every operation of the current API is served, or planned, or left out with a reason', () => {
  it('the reference holds the 140 operations of the SDK pinned, each a real command', () => {
    expect(current).toHaveLength(140);
    const sdkCommands = Object.keys(sdk)
      .filter((name) => /^[A-Z][A-Za-z]+Command$/.test(name))
      .map((name) => name.slice(0, -7));
    expect(new Set(sdkCommands)).toEqual(new Set(current.map((row) => row.operation)));
  });

  it('every operation in the call path table is called from a call site by a field, not only listed', () => {
    const listedOnly = Object.keys(commands).filter((operation) => !served(operation));
    expect(listedOnly).toEqual([]);
  });

  it('every operation is either served or in the table of those not served, never both', () => {
    const unaccounted = current.filter((row) => !served(row.operation) && !(row.operation in notServed)).map((row) => row.operation);
    const servedButListed = Object.keys(notServed).filter(served);
    const unknown = Object.keys(notServed).filter((operation) => !byName.has(operation));
    expect({ unaccounted, servedButListed, unknown }).toEqual({ unaccounted: [], servedButListed: [], unknown: [] });
  });

  it('counts what is served (the README says the same)', () => {
    const count = current.filter((row) => served(row.operation)).length;
    expect(count).toBe(140);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`${count} of the 140 operations of the current API are served`);
  });
});

describe('the call path tables agree with the operation reference', () => {
  it('treats exactly the reference’s read operations as reads (everything else clears loaded data)', () => {
    for (const operation of Object.keys(commands)) {
      expect(readOperations.has(operation as keyof typeof commands), operation).toBe(byName.get(operation)?.kind === 'read');
    }
  });

  it('pages every list operation with the token, page-size member, maximum and items the reference gives', () => {
    for (const [operation, spec] of Object.entries(listOperations)) {
      const row = byName.get(operation);
      expect(row, operation).toBeDefined();
      // An operation without a page-size member is '-' in the reference; its maxPageSize is the documented most per page.
      const pageSize = spec.pageSize ?? '-';
      const maxPageSize = spec.pageSize === null ? '-' : String(spec.maxPageSize);
      expect({ token: spec.token, pageSize, maxPageSize, items: spec.items }).toEqual({
        token: row!.tokenIn,
        pageSize: row!.pageSizeParam,
        maxPageSize: row!.pageSizeMax,
        items: row!.itemsField,
      });
    }
  });
});

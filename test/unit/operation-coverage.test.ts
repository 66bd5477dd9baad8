import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { readFileSync } from 'node:fs';
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
  // Passkeys and auth factors (issue 16): the reads are CognitoViewer.passkeys, CognitoViewer.authFactors and User.authFactors
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'DeleteWebAuthnCredential',
  'ListWebAuthnCredentials',
  'GetUserAuthFactors',
  'AdminGetUserAuthFactors',
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
    expect(writes.length).toBe(62);
  });

  it('every read operation is called by the gateway (it is in the call path table)', () => {
    const reads = classic.filter((operation) => byName.get(operation)?.kind === 'read');
    expect(reads.filter((operation) => !(operation in commands))).toEqual([]);
    expect(reads).toHaveLength(18);
  });

  it('counts 65 of 65 classic operations covered', () => {
    const covered = classic.filter(
      (operation) => mutationNames.has(mutationFor(operation)) || (operation in commands && byName.get(operation)?.kind === 'read'),
    );
    expect(covered).toHaveLength(65);
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

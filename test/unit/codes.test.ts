import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exceptionCodes, gatewayCodes, unknownExceptionCode, type CodeSpec } from '../../src/domain/codes';
import { userStatuses } from '../../src/domain/user-status';
import { readmeCodeTable, renderCodeTable } from '../support/readme-codes';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const specs = Object.entries(gatewayCodes) as [string, CodeSpec][];

describe('the table of codes', () => {
  it('maps each Cognito exception to one code, and each is an exception the SDK knows', () => {
    const listed = specs.flatMap(([, spec]) => spec.exceptions ?? []);
    expect(new Set(listed).size).toBe(listed.length);
    expect(exceptionCodes.size).toBe(listed.length);
    for (const exception of listed.filter((name) => !name.startsWith('CognitoLocal#'))) {
      const ExceptionClass = (sdk as Record<string, unknown>)[exception] as (new (...args: never[]) => Error) | undefined;
      expect(ExceptionClass, exception).toBeTypeOf('function');
      expect(ExceptionClass!.prototype, exception).toBeInstanceOf(sdk.CognitoIdentityProviderServiceException);
    }
  });

  it('sets the HTTP status only for the gateway’s own refusals of a whole request', () => {
    for (const [code, spec] of specs) {
      if (spec.refusesRequest) expect(spec.source, code).toBe('gateway');
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.status, code).toBeLessThan(600);
    }
  });

  it('is the README’s list of error codes (npm run readme:codes rewrites it)', () => {
    expect(readmeCodeTable(readme)).toBe(renderCodeTable());
    for (const code of Object.keys(gatewayCodes)) expect(readme).toContain(`| \`${code}\` |`);
  });
});

describe('the domain’s lists of Cognito names', () => {
  it('knows every user status of the SDK, and no other', () => {
    expect([...userStatuses].sort()).toEqual(Object.values(sdk.UserStatusType).sort());
  });
});

describe('codes of exceptions the table does not know', () => {
  it('are derived from the name, stable and in the COGNITO_ family', () => {
    expect(unknownExceptionCode('WebAuthnNotEnabledException')).toBe('COGNITO_WEB_AUTHN_NOT_ENABLED');
    expect(unknownExceptionCode('TermsExistsException')).toBe('COGNITO_TERMS_EXISTS');
    expect(unknownExceptionCode('aws.protocoljson#MFAMethodGoneException')).toBe('COGNITO_MFA_METHOD_GONE');
    expect(unknownExceptionCode('Weird')).toBe('COGNITO_WEIRD');
    expect(unknownExceptionCode('WebAuthnNotEnabledException')).toBe(unknownExceptionCode('WebAuthnNotEnabledException'));
  });

  it('never fall on a code of the table', () => {
    for (const exception of exceptionCodes.keys()) {
      expect(Object.keys(gatewayCodes)).not.toContain(unknownExceptionCode(exception));
    }
  });
});

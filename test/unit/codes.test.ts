import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exceptionCodes, gatewayCodes, type CodeSpec } from '../../src/domain/codes';
import { userStatuses } from '../../src/domain/user-status';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const specs = Object.entries(gatewayCodes) as [string, CodeSpec][];

/** The rows of the README's "Error codes" table, by code. */
function readmeCodeRows(): Map<string, string[]> {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Error codes'));
  if (!section) throw new Error('README has no "## Error codes" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  return new Map(rows.map((cells) => [cells[0]!.replace(/`/g, ''), cells.slice(1)]));
}

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

  it('is the README’s list of error codes, row for row', () => {
    const rows = readmeCodeRows();
    expect([...rows.keys()].sort()).toEqual(specs.map(([code]) => code).sort());
    for (const [code, spec] of specs) {
      const [status, retry, source, meaning, exceptions] = rows.get(code)!;
      expect({ status, retry, source, meaning, exceptions }, code).toEqual({
        status: String(spec.status),
        retry: spec.retry ? 'yes' : 'no',
        source: spec.source,
        meaning: spec.meaning,
        exceptions: (spec.exceptions ?? []).map((name) => `\`${name}\``).join(', '),
      });
    }
  });
});

describe('the domain’s lists of Cognito names', () => {
  it('knows every user status of the SDK, and no other', () => {
    expect([...userStatuses].sort()).toEqual(Object.values(sdk.UserStatusType).sort());
  });
});

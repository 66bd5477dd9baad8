import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cognito/commands';
import {
  categoriesChosenByGateway,
  operationCategories,
  PER_POOL_CAP,
  quotaCategories,
  type QuotaCategory,
} from '../../src/cognito/quotas';

/**
 * src/cognito/quotas.ts against the operation reference fixture (test/fixtures/cognito-operations.tsv):
 * the category of every operation the gateway calls, and each category's rate and per-pool cap.
 */

interface QuotaRow {
  operation: string;
  /** One category, or two as `A|B` (the operation counts against both). */
  categories: string[];
  /** The default rate of each category, in the same order. */
  rates: string[];
  perPool: string;
}

const tsv = readFileSync(new URL('../fixtures/cognito-operations.tsv', import.meta.url), 'utf8');
const [headerLine, ...lines] = tsv.split('\n').filter(Boolean);
const header = headerLine!.split('\t');
const column = (name: string) => {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`the fixture has no column ${name}`);
  return index;
};
const OPERATION = column('operation');
const CATEGORY = column('quota_category');
const RATE = column('default_rps');
const PER_POOL = column('per_pool_5rps');

const rows: QuotaRow[] = lines.map((line) => {
  const cells = line.split('\t');
  return {
    operation: cells[OPERATION]!,
    categories: cells[CATEGORY]!.split('|'),
    rates: cells[RATE]!.split('|'),
    perPool: cells[PER_POOL]!,
  };
});
const byOperation = new Map(rows.map((row) => [row.operation, row]));

/** Every category the fixture names, with the rates and per-pool flags given with it. */
const fixtureCategories = new Map<string, { rates: Set<number>; perPool: Set<boolean> }>();
for (const row of rows) {
  if (row.categories[0] === '-') continue;
  row.categories.forEach((category, i) => {
    const entry = fixtureCategories.get(category) ?? { rates: new Set<number>(), perPool: new Set<boolean>() };
    entry.rates.add(Number(row.rates[i]));
    // The per-pool flag of a two-category operation is the operation's; it holds for its first category.
    if (row.categories.length === 1 || i === 0) entry.perPool.add(row.perPool === 'yes');
    fixtureCategories.set(category, entry);
  });
}

describe('quota categories agree with the operation reference', () => {
  it('the fixture reads as expected', () => {
    expect(rows.length).toBe(140);
    expect(byOperation.get('ListUsers')).toEqual({ operation: 'ListUsers', categories: ['UserList'], rates: ['30'], perPool: 'no' });
    expect(byOperation.get('RespondToAuthChallenge')?.categories).toEqual(['UserAuthentication', 'UserAccountRecovery']);
    // Each category comes with one rate and one per-pool answer throughout the fixture.
    for (const [category, { rates, perPool }] of fixtureCategories) {
      expect(rates.size, category).toBe(1);
      expect(perPool.size, category).toBe(1);
    }
  });

  it('every operation the gateway calls has a category, the one of the fixture (the first of A|B)', () => {
    const operations = Object.keys(commands) as (keyof typeof commands)[];
    expect(Object.keys(operationCategories).sort()).toEqual([...operations].sort());
    const mismatches = operations.flatMap((operation) => {
      const row = byOperation.get(operation);
      const expected = row?.categories[0];
      // Not on the quotas page ('-'): the gateway picks, and says so in categoriesChosenByGateway.
      if (expected === '-' && categoriesChosenByGateway.has(operation)) return [];
      return expected === operationCategories[operation]
        ? []
        : [`${operation}: fixture ${expected ?? '(missing)'}, quotas.ts ${operationCategories[operation]}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('the gateway chooses a category only for operations the quotas page leaves out', () => {
    for (const operation of categoriesChosenByGateway) expect(byOperation.get(operation)?.categories, operation).toEqual(['-']);
  });

  it("every category's rate and per-pool cap match the fixture", () => {
    const mismatches: string[] = [];
    for (const [category, quota] of Object.entries(quotaCategories)) {
      const fixture = fixtureCategories.get(category);
      if (!fixture) {
        mismatches.push(`${category}: not in the fixture`);
        continue;
      }
      const [rate] = fixture.rates;
      const [perPool] = fixture.perPool;
      if (quota.requestsPerSecond !== rate) mismatches.push(`${category}: rate ${quota.requestsPerSecond}, fixture ${rate}`);
      if (quota.perPoolCap !== perPool) mismatches.push(`${category}: perPoolCap ${quota.perPoolCap}, fixture ${perPool}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('quotas.ts names every category of the fixture, and no other', () => {
    expect(Object.keys(quotaCategories).sort()).toEqual([...fixtureCategories.keys()].sort());
  });

  it('the per-pool cap is the fixture’s 5 requests per second', () => {
    expect(header[PER_POOL]).toBe('per_pool_5rps');
    expect(PER_POOL_CAP).toBe(5);
  });

  it('every rate is a positive number', () => {
    for (const [category, { requestsPerSecond }] of Object.entries(quotaCategories) as [QuotaCategory, { requestsPerSecond: number }][]) {
      expect(requestsPerSecond, category).toBeGreaterThan(0);
    }
  });
});

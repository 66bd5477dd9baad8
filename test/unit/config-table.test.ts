import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Every environment variable the configuration reads: `read.<kind>('NAME', ...)` in src/config.ts. */
function variablesRead(): string[] {
  return [...read('src/config.ts').matchAll(/read\.\w+\('([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]!);
}

/** The variables the README's configuration table names in its first column. */
function variablesDocumented(): Set<string> {
  const section = read('README.md')
    .split(/^## /m)
    .find((part) => part.startsWith('Configuration'))!;
  const names = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split(' | ')[0]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]!));
  return new Set(names);
}

describe('the README’s configuration table', () => {
  it('lists every variable the configuration reads', () => {
    const read = variablesRead();
    expect(read.length).toBeGreaterThan(30);
    expect(read.filter((name) => !variablesDocumented().has(name))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';

/**
 * The README's step-by-step sequences (fenced `graphql steps`) show flows that need a real Cognito
 * (passkeys, one-time codes, custom challenges), so they are not run against the demo as the plain
 * examples are (test/integration/readme-examples.test.ts). Each step is still checked against the
 * schema: its fields, inputs and enum values must exist as written. The selections the README
 * shortens to `{ … }` are read as `{ __typename }`, and `# →` lines are the answers, not queries.
 */

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function steps(): string[] {
  return [...readme.matchAll(/```graphql steps\n([\s\S]*?)```/g)].flatMap((match) => {
    const text = match[1]!
      .split('\n')
      .map((line) => line.replace(/#.*$/, ''))
      .join('\n')
      .replaceAll('{ … }', '{ __typename }');
    return text.split(/\n(?=(?:mutation|query)\b)/).filter((step) => step.trim() !== '');
  });
}

describe('the README’s sign-in sequences', () => {
  const all = steps();

  it('are there (one step per mutation)', () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
  });

  it.each(all.map((step) => [step.trim().slice(0, 90), step]))('%s … is valid against the schema', (_, step) => {
    const errors = validate(schema, parse(step)).map((error) => error.message);
    expect(errors).toEqual([]);
  });
});

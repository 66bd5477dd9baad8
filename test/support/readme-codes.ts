import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gatewayCodes, unknownExceptionFamily, type CodeSpec } from '../../src/domain/codes';

/**
 * The README's table of error codes, rendered from src/domain/codes.ts. `npm run readme:codes`
 * writes it into the README; test/unit/codes.test.ts fails while the two differ.
 */
export function renderCodeTable(): string {
  const rows = (Object.entries(gatewayCodes) as [string, CodeSpec][]).map(([code, spec]) => {
    const exceptions = (spec.exceptions ?? []).map((name) => `\`${name}\``).join(', ');
    return `| \`${code}\` | ${spec.status} | ${spec.retry ? 'yes' : 'no'} | ${spec.source} | ${spec.meaning} | ${exceptions} |`;
  });
  const family = unknownExceptionFamily;
  rows.push(`| \`${family.code}\` | Cognito's | no | ${family.source} | ${family.meaning} | any other |`);
  return [
    '| code | HTTP status | retry helps | raised by | meaning | Cognito exceptions |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const START = '<!-- error codes: npm run readme:codes -->';
const END = '<!-- end of error codes -->';

/** The table as the README has it, between its markers. */
export function readmeCodeTable(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? undefined : readme.slice(start + START.length, end).trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README, 'utf8');
  const current = readmeCodeTable(readme);
  if (current === undefined) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  writeFileSync(README, readme.replace(current, renderCodeTable()));
  console.log('README.md: error codes rewritten');
}

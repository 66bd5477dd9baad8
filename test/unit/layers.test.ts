import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, readImportGraph, ruleViolations, unitCycles, type ImportEdge, type LayerRule } from '../support/import-graph';

const srcDir = fileURLToPath(new URL('../../src', import.meta.url));

const graphqlPackages = ['graphql', 'graphql-yoga', '@graphql-yoga/', '@pothos/', '@envelop/', '@escape.tech/', '@apollo/'];

/**
 * The directions of README's "Layout": data flows one way, from the HTTP edge through the schema
 * and the resolvers to Cognito, and every layer may use the domain.
 */
const rules: LayerRule[] = [
  { unit: 'domain', allowedUnits: [], forbiddenPackages: [...graphqlPackages, '@aws-sdk/', 'dataloader'] },
  { unit: 'cognito', allowedUnits: ['domain'], forbiddenPackages: graphqlPackages },
  {
    unit: 'auth',
    forbiddenUnits: ['schema', 'resolvers', 'http', 'cognito', 'local'],
    forbiddenPackages: [...graphqlPackages, '@aws-sdk/'],
  },
  { unit: 'resolvers', forbiddenUnits: ['schema', 'http', 'local'], forbiddenPackages: graphqlPackages },
  { unit: 'schema', forbiddenUnits: ['cognito', 'http', 'local'], forbiddenPackages: ['@aws-sdk/'] },
  { unit: 'local', forbiddenUnits: ['schema', 'resolvers', 'http', 'auth'], forbiddenPackages: graphqlPackages },
];

describe('the layers of src/ keep their directions', () => {
  const edges = readImportGraph(srcDir);

  it('reads the imports of every source file', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((edge) => edge.file === 'schema/user.ts' && edge.targetUnit === 'resolvers')).toBe(true);
  });

  it('no layer imports what its rule forbids', () => {
    expect(ruleViolations(edges, rules)).toEqual([]);
  });

  it('no folder imports another that imports it back', () => {
    expect(unitCycles(edges)).toEqual([]);
  });

  it('the root of src/ holds only the start and the configuration', () => {
    const rootFiles = readdirSync(srcDir, { withFileTypes: true }).filter((entry) => entry.isFile());
    expect(rootFiles.map((entry) => entry.name).sort()).toEqual(['config.ts', 'main.ts']);
  });
});

describe('the checker itself', () => {
  const edge = (file: string, specifier: string, targetUnit?: string): ImportEdge => ({ file, specifier, targetUnit });

  it('finds static, type-only, re-exported, side-effect and dynamic imports', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b/b';",
      "export { c } from './c';",
      "import './side-effect';",
      "const d = await import('../d');",
      'import {\n  e,\n  f,\n} from "graphql";',
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a', '../b/b', './c', './side-effect', '../d', 'graphql']);
  });

  it('reports a forbidden package, a forbidden folder and an import outside the allowed ones', () => {
    const violations = ruleViolations(
      [
        edge('cognito/x.ts', 'graphql'),
        edge('schema/y.ts', '../cognito/call', 'cognito'),
        edge('cognito/z.ts', '../resolvers/users', 'resolvers'),
        edge('cognito/ok.ts', '../domain/records', 'domain'),
      ],
      rules,
    );
    expect(violations).toEqual([
      'cognito/x.ts → graphql (cognito may not import graphql)',
      'schema/y.ts → ../cognito/call (schema may not import src/cognito)',
      'cognito/z.ts → ../resolvers/users (cognito may import only domain)',
    ]);
  });

  it('reports two folders that import each other, once', () => {
    const cycles = unitCycles([
      edge('resolvers/a.ts', '../auth/b', 'auth'),
      edge('auth/b.ts', '../resolvers/c', 'resolvers'),
      edge('schema/d.ts', '../resolvers/a', 'resolvers'),
    ]);
    expect(cycles).toEqual(['auth → resolvers → auth']);
  });
});

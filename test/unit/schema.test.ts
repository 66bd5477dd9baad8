import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printClientSchema, printGatewaySchema } from '../../src/schema';

const committed = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('the committed schemas are the ones printed from the code (run `npm run schema:print` after changing types)', () => {
  it('schema.graphql: the subgraph SDL a router composes', () => {
    expect(committed('schema.graphql')).toBe(printGatewaySchema());
  });

  it('schema.client.graphql: the schema a frontend generates code from', () => {
    expect(committed('schema.client.graphql')).toBe(printClientSchema());
  });
});

describe('what each schema holds', () => {
  const client = buildSchema(committed('schema.client.graphql'));
  const router = committed('schema.graphql');

  it('the client schema has Relay’s node and nodes, and none of the federation machinery', () => {
    const query = client.getQueryType()!.getFields();
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['node', 'nodes', 'userPool', 'viewer']));
    expect(query['_entities']).toBeUndefined();
    expect(query['_service']).toBeUndefined();
    expect(client.getType('_Any')).toBeUndefined();
    expect(committed('schema.client.graphql')).not.toMatch(/@link|@key|@shareable/);
  });

  it('the subgraph SDL leaves node and nodes to the router, and keeps the federation keys', () => {
    expect(router).not.toMatch(/\bnode\(id: ID!\)|\bnodes\(ids:/);
    expect(router).toMatch(/@key\(fields: "sub"\)/);
    expect(router).toMatch(/^extend schema\s+@link/);
  });
});

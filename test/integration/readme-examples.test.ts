import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/domain/logger';
import { createGateway, type Gateway } from '../../src/http/yoga';
import { startEmbeddedCognito, type EmbeddedCognito } from '../../src/local/embedded-cognito';
import { asService, postQuery, TEST_SERVICE_KEY, type GraphQLResponse } from '../support/gateway';

/**
 * Every GraphQL example of the README, run as written against a demo directory of its own (the
 * examples write): the placeholders the README uses for ids (`local_XXXXXXXX`, a client id written
 * `…`) become the demo's, variables named `userPoolId` get the demo pool and `ids` two of its
 * nodes, and a page that says more follows is asked again from its `endCursor`.
 */

const README = new URL('../../README.md', import.meta.url);

async function readmeExamples(): Promise<string[]> {
  const text = await readFile(README, 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

let dataDir: string;
let embedded: EmbeddedCognito;
let gateway: Gateway;
let examples: string[];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'readme-examples-'));
  embedded = await startEmbeddedCognito({ dataDir, port: 0, logger: silentLogger });
  gateway = createGateway({
    client: embedded.client,
    serviceKeys: [TEST_SERVICE_KEY],
    appClients: embedded.appClients,
    issuerBase: embedded.local.endpoint,
  });
  examples = await readmeExamples();
}, 120_000);

afterAll(async () => {
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function filledIn(example: string): string {
  const pool = embedded.demo.pools.find((p) => p.name === 'demo')!;
  return example.replaceAll('local_XXXXXXXX', pool.userPoolId).replaceAll('"…"', JSON.stringify(pool.clients[0]!.clientId));
}

/** Every `endCursor` of a connection that says it has a next page, by the path to its `after`. */
function nextPages(data: unknown): string[] {
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const info = record['pageInfo'] as { hasNextPage?: boolean; endCursor?: string } | undefined;
  const own = info?.hasNextPage && info.endCursor ? [info.endCursor] : [];
  return [...own, ...Object.values(record).flatMap(nextPages)];
}

describe('the README’s GraphQL examples run as written', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it('answers each example with data and no error, and pages on where it says more follows', async () => {
    const demoPool = embedded.demo.pools.find((p) => p.name === 'demo')!.userPoolId;
    for (const example of examples) {
      const query = filledIn(example);
      const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');
      const variables = {
        ...(/\$userPoolId\b/.test(query) ? { userPoolId: demoPool } : {}),
        ...(/\$ids\b/.test(query)
          ? { ids: [globalId('User', `${demoPool}:ada.lovelace`), globalId('Group', `${demoPool}:engineering`)] }
          : {}),
      };
      const answer: GraphQLResponse = await postQuery(gateway, query, variables, asService);
      expect(answer.errors, `${example}\n${JSON.stringify(answer.errors)}`).toBeUndefined();
      expect(answer.data, example).toBeDefined();
      for (const result of Object.values(answer.data!)) {
        const typename = (result as { __typename?: string } | null)?.__typename;
        if (typename) expect(typename, example).not.toMatch(/Error$/);
      }
      const [after] = nextPages(answer.data);
      if (after && /\$after\b/.test(query)) {
        const next: GraphQLResponse = await postQuery(gateway, query, { ...variables, after }, asService);
        expect(next.errors, `${example} (next page)\n${JSON.stringify(next.errors)}`).toBeUndefined();
        expect(JSON.stringify(next.data)).not.toBe(JSON.stringify(answer.data));
      }
    }
  });
});

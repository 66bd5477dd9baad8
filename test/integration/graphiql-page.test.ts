import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { GatewayOptions } from '../../src/http/yoga';
import { DEMO_POOL_NAME } from '../../src/local/demo-data';
import { localGateway, TEST_SERVICE_KEY } from '../support/gateway';

/**
 * The GraphiQL page as the server renders it: preset tabs and sign-in bar built from this start's
 * ids, no secret in it but the demo's published password, and none at all in production mode.
 * (test/browser/graphiql.test.ts drives the page itself in Chromium.)
 */

const demo = inject('demo');
const demoPool = demo.pools.find((pool) => pool.name === DEMO_POOL_NAME)!;
const webClient = demoPool.clients.find((client) => client.name === 'web-app')!;
const administrator = demo.accounts.find((account) => account.role === 'administrator')!;
const demoSignIn = { userPoolId: demoPool.userPoolId, clientId: webClient.clientId, username: 'admin', password: administrator.password };
const appClients = inject('appClients');
const CURSOR_SECRET = 'a-cursor-secret-of-this-test-0123456789';

interface Page {
  html: string;
  options: { title: string; defaultTabs: { query: string; variables?: string }[] };
  signIn: {
    storageNamespace: string;
    storageFamily: string;
    appClients: { clientId: string; userPoolId: string }[];
    prefill: Record<string, string>;
  };
}

async function renderedPage(options: Partial<GatewayOptions>): Promise<Page> {
  const { gateway } = localGateway({ cursorSecret: CURSOR_SECRET, ...options });
  const response = await gateway.fetch('http://gateway.test/graphql', { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  const json = (id: string) => JSON.parse(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html)![1]!);
  return { html, options: json('gateway-graphiql-options'), signIn: json('gateway-sign-in-config') };
}

const secretsOf = () => [
  TEST_SERVICE_KEY,
  CURSOR_SECRET,
  ...appClients.flatMap((client) => (client.clientSecret ? [client.clientSecret] : [])),
  ...demo.accounts.filter((account) => account.role !== 'administrator').map((account) => account.password),
];

describe('the GraphiQL page', () => {
  it('in the demo: tabs and the sign-in bar carry the current demo ids, and the demo administrator’s password is filled in', async () => {
    const page = await renderedPage({ graphiqlExample: demoSignIn });
    expect(page.options.title).toBe('cognito-graphql-gateway');
    expect(page.options.defaultTabs.map((tab) => /^(query|mutation) (\w+)/m.exec(tab.query)?.[2])).toEqual([
      'Pools',
      'Users',
      'Me',
      'SignIn',
    ]);
    // Ids travel in variables only, so an edited query keeps working with a re-seeded demo's ids.
    for (const tab of page.options.defaultTabs) expect(tab.query).not.toContain(demoPool.userPoolId);
    expect(JSON.parse(page.options.defaultTabs[1]!.variables!)).toEqual({ userPoolId: demoPool.userPoolId, after: null });

    expect(page.signIn.prefill).toEqual({ clientId: webClient.clientId, username: 'admin', password: administrator.password });
    expect(page.signIn.appClients).toEqual(appClients.map(({ clientId, userPoolId }) => ({ clientId, userPoolId })));
    expect(page.signIn.storageNamespace.startsWith(page.signIn.storageFamily)).toBe(true);
    // The sign-in bar's script is there, and it never writes to the console (where tokens could land).
    const script = readFileSync(new URL('../../src/http/graphiql-sign-in.browser.js', import.meta.url), 'utf8');
    expect(page.html).toContain(script.trim());
    expect(script).not.toMatch(/\bconsole(\.|\[)\w/);
    expect(page.html).not.toMatch(/<script[^>]+src="https?:/);
  });

  it('in the demo: no secret but the published demo password (no client secret, service key, cursor secret, other password)', async () => {
    const { html } = await renderedPage({ graphiqlExample: demoSignIn });
    expect(secretsOf().length).toBeGreaterThan(3);
    for (const secret of secretsOf()) expect(html).not.toContain(secret);
  });

  it('keys GraphiQL’s saved state by the ids: the same demo keeps it, a re-seeded one (new ids) starts afresh', async () => {
    const first = await renderedPage({ graphiqlExample: demoSignIn });
    const again = await renderedPage({ graphiqlExample: demoSignIn });
    const reseeded = await renderedPage({
      graphiqlExample: { ...demoSignIn, userPoolId: 'local_Reseeded1', clientId: 'reseededwebclient' },
    });
    expect(again.signIn.storageNamespace).toBe(first.signIn.storageNamespace);
    expect(reseeded.signIn.storageNamespace).not.toBe(first.signIn.storageNamespace);
    expect(reseeded.signIn.storageFamily).toBe(first.signIn.storageFamily);
  });

  it('in production (GRAPHIQL=true, no demo): the configured app clients, no password anywhere', async () => {
    const page = await renderedPage({ graphiql: true, appClients });
    expect(page.signIn.prefill).toEqual({ clientId: appClients[0]!.clientId });
    expect(page.signIn.appClients.map((client) => client.clientId)).toEqual(appClients.map((client) => client.clientId));
    const signInTab = JSON.parse(page.options.defaultTabs[3]!.variables!);
    expect(signInTab.input.password).toBe('');
    expect(page.html).not.toContain(administrator.password);
    for (const secret of secretsOf()) expect(page.html).not.toContain(secret);
    // The Users tab opens on a pool the gateway serves rather than on a placeholder.
    expect(JSON.parse(page.options.defaultTabs[1]!.variables!).userPoolId).toBe(appClients[0]!.userPoolId);
  });

  it('in production with GraphiQL off (the default), no page is served', async () => {
    const { gateway } = localGateway({ graphiql: false, appClients });
    const response = await gateway.fetch('http://gateway.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(await response.text()).not.toContain('gateway-sign-in-config');
  });
});

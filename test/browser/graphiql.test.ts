import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../src/http/server';
import { startEmbeddedCognito, type EmbeddedCognito } from '../../src/local/embedded-cognito';
import { silentLogger } from '../../src/domain/logger';
import { createGateway } from '../../src/http/yoga';

/**
 * What a newcomer does after `npm start`: open GraphiQL, run the SignIn tab, paste the token into
 * the Users tab's headers, run it, and see the demo pool's users. In Debian's Chromium, headless,
 * with no network: GraphiQL is served from the package itself.
 */
describe('GraphiQL in a browser', () => {
  let dataDir: string;
  let embedded: EmbeddedCognito;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cognito-gateway-browser-'));
    embedded = await startEmbeddedCognito({ dataDir, port: 0, logger: silentLogger });
    const example = {
      userPoolId: embedded.demo.pools[0]!.userPoolId,
      clientId: embedded.demo.pools[0]!.clients.find((client) => client.name === 'web-app')!.clientId,
      username: 'admin',
      password: embedded.demo.accounts.find((account) => account.role === 'administrator')!.password,
    };
    const gateway = createGateway({
      client: embedded.client,
      appClients: embedded.appClients,
      issuerBase: embedded.local.endpoint,
      adminGroup: `${example.userPoolId}:admins`,
      graphiqlExample: example,
    });
    server = await serve(gateway, '127.0.0.1', 0, silentLogger);
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop(1_000);
    await embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const result = async () => (await page.locator('.result-window').innerText()).replace(/\s+/g, '');

  /** The JSON answer to the next GraphQL POST the page makes (the editor shows only what fits). */
  const nextAnswer = () =>
    page
      .waitForResponse((response) => response.url().endsWith('/graphql') && response.request().method() === 'POST')
      .then((response) => response.json() as Promise<{ data?: any; errors?: unknown[] }>);

  it('signs the demo administrator in from the first tab, then lists the demo pool’s users', async () => {
    await page.goto(`http://127.0.0.1:${server.port}/graphql`);
    await page.waitForSelector('.graphiql-container');
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count()).toBe(3);

    const signedIn = nextAnswer();
    await page.locator('.graphiql-execute-button').click();
    const signIn = await signedIn;
    expect(signIn.data.initiateAuth.__typename).toBe('InitiateAuthPayload');
    const token = signIn.data.initiateAuth.tokens.accessToken as string;
    await expect.poll(result).toContain('"__typename":"InitiateAuthPayload"');

    await tabs.nth(2).click();
    await page.getByText('Headers', { exact: true }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
    const listed = nextAnswer();
    await page.locator('.graphiql-execute-button').click();

    const answer = await listed;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.userPool.name).toBe('demo');
    expect(answer.data.userPool.users.edges).toHaveLength(7);
    expect(answer.data.userPool.users.pageInfo.hasNextPage).toBe(true);
    // And the person at the screen sees it.
    await expect.poll(result).toContain('"name":"demo"');
  });
});

import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/domain/logger';
import { serve, type RunningServer } from '../../src/http/server';
import { createGateway } from '../../src/http/yoga';
import { startEmbeddedCognito, type DemoSignIn, type EmbeddedCognito } from '../../src/local/embedded-cognito';

/**
 * What a newcomer does after `npm start`: open GraphiQL, press "Sign in" in the bar (the demo
 * administrator is filled in), run the preset tabs. Then what happens next: the token is renewed
 * before it expires, sign-out, and `.cognito-local/` deleted and the demo re-seeded under the same
 * browser profile. In Debian's Chromium, headless, with no network: GraphiQL is served from the
 * package itself.
 */

interface Demo {
  dataDir: string;
  embedded: EmbeddedCognito;
  server: RunningServer;
  signIn: DemoSignIn;
}

interface Answer {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Every line the gateway logs, at debug level: tokens and passwords must appear in none. */
const serverLog: string[] = [];
const capturingLogger: Logger = {
  debug: (...args) => serverLog.push(args.map(String).join(' ')),
  info: (...args) => serverLog.push(args.map(String).join(' ')),
  warn: (...args) => serverLog.push(args.map(String).join(' ')),
  error: (...args) => serverLog.push(args.map(String).join(' ')),
};

/** A demo seeded in a fresh data folder, served on `port` (0: any), as `npm start` does. */
async function startDemo(port: number): Promise<Demo> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cognito-gateway-browser-'));
  const embedded = await startEmbeddedCognito({ dataDir, port: 0, logger: capturingLogger });
  const signIn = embedded.demoSignIn!;
  const gateway = createGateway({
    client: embedded.client,
    logger: capturingLogger,
    appClients: embedded.appClients,
    issuerBase: embedded.local.endpoint,
    adminGroup: `${signIn.userPoolId}:admins`,
    graphiqlExample: signIn,
  });
  const server = await serve(gateway, '127.0.0.1', port, capturingLogger);
  return { dataDir, embedded, server, signIn };
}

async function stopDemo(demo: Demo | undefined): Promise<void> {
  if (!demo) return;
  await demo.server.stop(1_000);
  await demo.embedded.stop();
  await rm(demo.dataDir, { recursive: true, force: true });
}

describe('GraphiQL in a browser', () => {
  let demo: Demo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleLines: string[] = [];
  /** Every token and password seen in this test: none may reach a log or the console. */
  const secrets = new Set<string>();

  beforeAll(async () => {
    demo = await startDemo(0);
    secrets.add(demo.signIn.password);
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
    // One context throughout: its localStorage is the browser profile a re-seed must cope with.
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Fake timers (time still flows) so the test can jump to just before the token expires.
    await context.clock.install();
    page = await context.newPage();
    page.on('console', (message) => consoleLines.push(message.text()));
  });

  afterAll(async () => {
    await browser?.close();
    await stopDemo(demo);
  });

  const url = () => `http://127.0.0.1:${demo.server.port}/graphql`;
  const tabs = () => page.locator('.graphiql-tab');
  const bar = () => page.getByRole('region', { name: 'Sign-in' });
  const result = async () => (await page.locator('.result-window').innerText()).replace(/\s+/g, '');

  const isGraphQLPost = (request: Request, operation?: string) =>
    request.url().endsWith('/graphql') &&
    request.method() === 'POST' &&
    (operation === undefined || (request.postData() ?? '').includes(operation));

  /** Runs the active tab: the request it sent and the JSON answer (the editor shows only what fits). */
  async function runTab(): Promise<{ authorization: string | undefined; answer: Answer }> {
    // The button stops a run still in flight (GraphiQL updates it after the answer has arrived).
    const execute = page.locator('.graphiql-execute-button');
    const idle = () => expect.poll(() => execute.getAttribute('aria-label')).toMatch(/^Execute/);
    await idle();
    for (let attempt = 1; ; attempt++) {
      const sent = page
        .waitForRequest((request) => isGraphQLPost(request) && !(request.postData() ?? '').includes('IntrospectionQuery'), {
          timeout: 5_000,
        })
        .catch(() => undefined);
      await execute.click();
      const request = await sent;
      if (request) {
        const answer = (await (await request.response())!.json()) as Answer;
        await idle();
        return { authorization: (await request.allHeaders())['authorization'], answer };
      }
      // Just after a tab switch GraphiQL may still hold the previous tab's operation name (it
      // re-reads the query a moment later): yoga's fetcher then sends nothing and shows "Cannot
      // infer operation". A person clicks again; so does the test, a bounded number of times.
      const shown = await result();
      if (attempt === 3 || !shown.includes('Cannotinferoperation'))
        throw new Error(`Execute sent no request; the page shows ${shown.slice(0, 200)}`);
    }
  }

  /** Signs in with the bar as it is filled in; the access token the gateway handed out. */
  async function signInWithBar(): Promise<string> {
    const answered = page.waitForResponse((response) => isGraphQLPost(response.request(), 'GraphiQLSignIn'));
    await bar().getByRole('button', { name: 'Sign in' }).click();
    const answer = (await (await answered).json()) as Answer;
    const tokens = answer.data.initiateAuth.tokens;
    secrets.add(tokens.accessToken).add(tokens.refreshToken);
    refreshToken = tokens.refreshToken as string;
    await expect.poll(() => bar().innerText()).toContain('Signed in as admin');
    return tokens.accessToken as string;
  }

  /** Replaces the text of the visible editor of the tools pane (Variables or Headers). */
  async function setToolEditor(tool: 'Variables' | 'Headers', text: string): Promise<void> {
    await page.getByText(tool, { exact: true }).click();
    const editor = page.locator('.graphiql-editor-tool .graphiql-editor:visible');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  }

  async function openTab(title: string): Promise<void> {
    await tabs().filter({ hasText: title }).first().click();
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText()).toContain(title);
  }

  let accessToken: string;
  /** The refresh token of the bar's last sign-in (a renewal keeps it). */
  let refreshToken: string;

  it('signs the demo administrator in from the bar, and every preset tab answers with that token', async () => {
    await page.goto(url());
    await page.waitForSelector('.graphiql-container');
    await expect.poll(() => tabs().allInnerTexts()).toEqual(['Pools', 'Users', 'Me', 'SignIn']);
    // Prefilled in the demo: the demo's web client, its administrator and the published password.
    await expect(bar().getByLabel('App client').inputValue()).resolves.toBe(demo.signIn.clientId);
    await expect(bar().getByLabel('Username').inputValue()).resolves.toBe('admin');
    await expect(bar().getByLabel('Password').inputValue()).resolves.toBe(demo.signIn.password);

    accessToken = await signInWithBar();
    expect(await bar().innerText()).toMatch(/Token expires at .*\d?\d:\d\d:\d\d.*, renewed before then/);
    expect(await bar().innerText()).toContain('(admins)');

    const demoPoolUsers: string[] = [];
    for (const title of ['Pools', 'Users', 'Me', 'SignIn']) {
      await openTab(title);
      const { authorization, answer } = await runTab();
      expect(answer.errors, title).toBeUndefined();
      expect(authorization, title).toBe(`Bearer ${accessToken}`);
      if (title === 'Pools') {
        const pools = answer.data.userPools.edges.map((edge: any) => edge.node);
        expect(pools.map((pool: any) => pool.userPoolId)).toContain(demo.signIn.userPoolId);
        expect(pools.find((pool: any) => pool.name === 'demo').groups.edges.map((edge: any) => edge.node.name)).toContain('admins');
      }
      if (title === 'Users') {
        // Users of a pool: an administrator's read.
        expect(answer.data.userPool.name).toBe('demo');
        expect(answer.data.userPool.users.edges).toHaveLength(7);
        demoPoolUsers.push(...answer.data.userPool.users.edges.map((edge: any) => edge.node.username));
      }
      if (title === 'Me') expect(answer.data.viewer.username).toBe('admin');
      if (title === 'SignIn') expect(answer.data.initiateAuth.__typename).toBe('InitiateAuthPayload');
    }
    // And the person at the screen sees it.
    await expect.poll(result).toContain('"__typename":"InitiateAuthPayload"');
    // The token lives in the page's memory only: neither web storage holds it.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).toContain('cognito-gateway:graphiql:');
    expect(stored).not.toContain(accessToken);

    // The next page of users, from the Users tab's endCursor.
    await openTab('Users');
    const first = await runTab();
    const { endCursor, hasNextPage } = first.answer.data.userPool.users.pageInfo;
    expect(hasNextPage).toBe(true);
    await setToolEditor('Variables', JSON.stringify({ userPoolId: demo.signIn.userPoolId, after: endCursor }));
    const next = await runTab();
    expect(next.answer.errors).toBeUndefined();
    const nextUsers = next.answer.data.userPool.users.edges.map((edge: any) => edge.node.username);
    expect(nextUsers).toHaveLength(7);
    expect(nextUsers.filter((username: string) => demoPoolUsers.includes(username))).toEqual([]);
  });

  it('lets a tab’s own Authorization header win over the bar’s token', async () => {
    await openTab('Me');
    await setToolEditor('Headers', JSON.stringify({ authorization: 'Bearer not-a-token' }));
    const { authorization, answer } = await runTab();
    expect(authorization).toBe('Bearer not-a-token');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await setToolEditor('Headers', '{}');
    const again = await runTab();
    expect(again.authorization).toBe(`Bearer ${accessToken}`);
    expect(again.answer.data.viewer.username).toBe('admin');
  });

  it('renews the token with the refresh token before it expires, and sends the new one', async () => {
    const renewal = page.waitForResponse((response) => {
      const body = response.request().postData() ?? '';
      return isGraphQLPost(response.request(), 'GraphiQLSignIn') && body.includes('REFRESH_TOKEN_AUTH');
    });
    // As if the laptop slept through the day (the emulator's tokens last 24 hours, Cognito's one
    // by default): the renewal is due five minutes before expiry.
    await page.clock.fastForward('23:56:00');
    const renewed = (await (await renewal).json()) as Answer;
    const fresh = renewed.data.initiateAuth.tokens.accessToken as string;
    secrets.add(fresh);
    expect(fresh).not.toBe(accessToken);
    await expect.poll(() => bar().innerText()).toContain('Token renewed at');

    await openTab('Users');
    const { authorization, answer } = await runTab();
    expect(authorization).toBe(`Bearer ${fresh}`);
    expect(answer.errors).toBeUndefined();
    accessToken = fresh;
  });

  it('signs out: the session is revoked at Cognito, the header is gone and an administrator’s query is refused', async () => {
    const revoked = page.waitForResponse((response) => isGraphQLPost(response.request(), 'GraphiQLSignOut'));
    await bar().getByRole('button', { name: 'Sign out' }).click();
    expect(((await (await revoked).json()) as Answer).data.revokeToken.__typename).toBe('RevokeTokenPayload');
    await expect.poll(() => bar().innerText()).toContain('Signed out: the session is revoked at Cognito');
    // The refresh token the bar held no longer renews anything.
    const renewal = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { __typename } }`,
        variables: {
          input: { clientId: demo.signIn.clientId, username: demo.signIn.username, authFlow: 'REFRESH_TOKEN_AUTH', refreshToken },
        },
      }),
    });
    expect(((await renewal.json()) as Answer).data.initiateAuth.__typename).toBe('NotAuthorizedError');
    await openTab('Users');
    const { authorization, answer } = await runTab();
    expect(authorization).toBeUndefined();
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a NEW_PASSWORD_REQUIRED challenge and answers it with a new password', async () => {
    await demo.embedded.client.send(
      new AdminCreateUserCommand({
        UserPoolId: demo.signIn.userPoolId,
        Username: 'newcomer',
        TemporaryPassword: 'Temporary#Pass1',
        MessageAction: 'SUPPRESS',
      }),
    );
    secrets.add('Temporary#Pass1').add('Chosen#Pass1');
    await bar().getByLabel('Username').fill('newcomer');
    await bar().getByLabel('Password').fill('Temporary#Pass1');
    await bar().getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => bar().innerText()).toContain('Cognito asks newcomer for NEW_PASSWORD_REQUIRED');
    await bar().getByLabel('New password').fill('Chosen#Pass1');
    await bar().getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => bar().innerText()).toContain('Signed in as newcomer');
    await openTab('Me');
    const { answer } = await runTab();
    expect(answer.data.viewer.username).toBe('newcomer');
    await bar().getByRole('button', { name: 'Sign out' }).click();
  });

  it('after the demo is re-seeded (new ids, same browser profile), the preset tabs name the new demo and work', async () => {
    // An edit, which yoga echoes into the address as ?query=, then a reload on the same demo: the
    // same tabs (no copy of the edited one), the edit kept, signed out (the token was in memory).
    const edit = async (marker: string) => {
      await openTab('Users');
      await page.locator('.graphiql-query-editor .monaco-editor').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText(`\n# ${marker}\n`);
      await expect.poll(() => page.url()).toContain(encodeURIComponent(marker));
      await expect.poll(() => page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain(marker);
    };
    await edit('edited-before-reload');
    await page.reload();
    await page.waitForSelector('.graphiql-container');
    await page.waitForSelector('.graphiql-container');
    await expect.poll(() => tabs().allInnerTexts()).toEqual(['Pools', 'Users', 'Me', 'SignIn']);
    await expect.poll(() => bar().getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    const savedTabs = () =>
      page.evaluate(() => {
        const key = Object.keys(localStorage).find((name) => name.endsWith(':graphiql:tabState'))!;
        return (JSON.parse(localStorage.getItem(key)!) as { tabs: { title: string; query: string }[] }).tabs;
      });
    expect((await savedTabs()).find((tab) => tab.title === 'Users')!.query).toContain('# edited-before-reload');
    await edit('edited-before-reseed');

    const earlierNamespace = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((name) => name.endsWith(':graphiql:tabState'))!;
      return key.slice(0, -':graphiql:tabState'.length);
    });
    expect(earlierNamespace).toMatch(/^cognito-gateway:graphiql:\w+$/);
    const port = demo.server.port;
    const before = demo.signIn;
    await stopDemo(demo);
    demo = await startDemo(port);
    secrets.add(demo.signIn.password);
    expect(demo.signIn.userPoolId).not.toBe(before.userPoolId);

    // Reload what the browser shows, with yoga's ?query= echo of the last edited tab in the address.
    await page.reload();
    await page.waitForSelector('.graphiql-container');
    await expect.poll(() => tabs().allInnerTexts()).toEqual(['Pools', 'Users', 'Me', 'SignIn']);
    await expect(bar().getByLabel('App client').inputValue()).resolves.toBe(demo.signIn.clientId);
    // The earlier demo's saved state is gone from the profile, not merely unused.
    const saved = await page.evaluate(() => Object.keys(localStorage));
    expect(saved.filter((key) => key.startsWith(`${earlierNamespace}:`))).toEqual([]);
    expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toContain(before.userPoolId);

    accessToken = await signInWithBar();
    const rootFields = { Pools: 'userPools', Users: 'userPool', Me: 'viewer', SignIn: 'initiateAuth' };
    for (const [title, field] of Object.entries(rootFields)) {
      await openTab(title);
      const { answer } = await runTab();
      expect(answer.errors, title).toBeUndefined();
      // Each tab runs its own preset query, not a leftover of the earlier demo.
      expect(Object.keys(answer.data), title).toEqual([field]);
      if (title === 'Users') expect(answer.data.userPool.users.edges).toHaveLength(7);
    }
    // What the person sees: signed in, a page of the new demo's users.
    await openTab('Users');
    await expect.poll(result).toContain('"name":"demo"');
    await page.screenshot({ path: process.env['GRAPHIQL_SCREENSHOT'] ?? join(tmpdir(), 'graphiql.png') });
  });

  it('never writes a token or a password to the browser console or the gateway’s log', () => {
    expect(secrets.size).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(consoleLines.filter((line) => line.includes(secret))).toEqual([]);
      expect(serverLog.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});

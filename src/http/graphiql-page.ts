import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } from '@graphql-yoga/render-graphiql/graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import type { AppClientConfig } from '../config';
import { graphiqlTabs, type GraphiqlExample } from './graphiql-tabs';

/** What the sign-in bar is given: ids only, never a client secret; a password only in the demo. */
export interface SignInBarConfig {
  /** GraphiQL's saved state lives under this prefix; other prefixes of the family are earlier demos'. */
  storageNamespace: string;
  storageFamily: string;
  appClients: { clientId: string; userPoolId: string }[];
  prefill: { clientId?: string; username?: string; password?: string };
}

export interface GraphiqlPage {
  options: GraphiQLOptions;
  render(options: GraphiQLOptions): string;
}

const STORAGE_FAMILY = 'cognito-gateway:graphiql:';
const TITLE = 'cognito-graphql-gateway';

/**
 * GraphiQL as yoga's package builds it (served from the package: no CDN, works offline), with the
 * sign-in bar above it and preset tabs made from this start's ids. `example` is the embedded demo's
 * administrator; without it (production) nothing is prefilled but the first app client.
 */
export function graphiqlPage(appClients: readonly AppClientConfig[], example: GraphiqlExample | undefined): GraphiqlPage {
  const defaultTabs = graphiqlTabs(example ?? { userPoolId: appClients[0]?.userPoolId });
  const bar: SignInBarConfig = {
    storageNamespace: `${STORAGE_FAMILY}${createHash('sha256').update(JSON.stringify(defaultTabs)).digest('hex').slice(0, 16)}`,
    storageFamily: STORAGE_FAMILY,
    appClients: appClients.map(({ clientId, userPoolId }) => ({ clientId, userPoolId })),
    prefill: example
      ? { clientId: example.clientId, username: example.username, password: example.password }
      : { ...(appClients[0] ? { clientId: appClients[0].clientId } : {}) },
  };
  return { options: { title: TITLE, defaultTabs }, render: (options) => renderPage(options, bar) };
}

let signInScript: string | undefined;

function renderPage(options: GraphiQLOptions, bar: SignInBarConfig): string {
  signInScript ??= readFileSync(new URL('./graphiql-sign-in.browser.js', import.meta.url), 'utf8');
  return /* HTML */ `<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${escapeHtml(options.title ?? TITLE)}</title>
        <link rel="icon" href="${favicon}" />
        <style>
          ${css}
        </style>
        <style>
          ${barStyle}
        </style>
      </head>
      <body id="body" class="no-focus-outline">
        <noscript>You need to enable JavaScript to run this app.</noscript>
        <div id="root"></div>
        <script type="application/json" id="gateway-graphiql-options">
          ${jsonInScript(options)}
        </script>
        <script type="application/json" id="gateway-sign-in-config">
          ${jsonInScript(bar)}
        </script>
        <script>
          function prepareBlob(workerContent) {
            return URL.createObjectURL(new Blob([workerContent], { type: 'application/javascript' }));
          }
          const workers = {
            editorWorkerService: prepareBlob(${JSON.stringify(editorWorkerService)}),
            json: prepareBlob(${JSON.stringify(jsonWorker)}),
            graphql: prepareBlob(${JSON.stringify(graphqlWorker)}),
          };
          self['MonacoEnvironment'] = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
          ${js};
        </script>
        <script>
          ${signInScript};
        </script>
      </body>
    </html> `;
}

/** JSON inside a script element: `<` escaped so that no value can close the element. */
function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const barStyle = /* CSS */ `
  body { display: flex; flex-direction: column; height: 100vh; }
  #root { flex: 1; min-height: 0; }
  #root .graphiql-container { height: 100%; width: 100%; }
  .gateway-sign-in {
    display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 16px;
    font-family: Roboto, system-ui, sans-serif; font-size: 14px;
    color: hsl(219, 28%, 32%); background: hsl(219, 28%, 97%); border-bottom: 1px solid hsla(219, 28%, 32%, 0.15);
  }
  .gateway-sign-in-form { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin: 0; }
  .gateway-sign-in label { display: inline-flex; align-items: center; gap: 6px; }
  .gateway-sign-in label > span { color: hsla(219, 28%, 32%, 0.76); }
  .gateway-sign-in input, .gateway-sign-in select {
    font: inherit; color: inherit; background: #fff; padding: 4px 8px;
    border: 1px solid hsla(219, 28%, 32%, 0.3); border-radius: 4px;
  }
  .gateway-sign-in input[name='username'], .gateway-sign-in input[name='password'] { width: 11em; }
  .gateway-sign-in button {
    font: inherit; cursor: pointer; padding: 4px 14px; border-radius: 4px;
    border: 1px solid hsl(320, 95%, 43%); background: hsl(320, 95%, 43%); color: #fff;
  }
  .gateway-sign-in button.secondary { background: transparent; color: inherit; border-color: hsla(219, 28%, 32%, 0.3); }
  .gateway-sign-in button[disabled] { opacity: 0.5; cursor: progress; }
  .gateway-sign-in-expiry { color: hsla(219, 28%, 32%, 0.76); }
  .gateway-sign-in-status[data-tone='error'] { color: hsl(13, 93%, 45%); }
  .gateway-sign-in-status[data-tone='ok'] { color: hsl(158, 60%, 32%); }
  body.graphiql-dark .gateway-sign-in { color: hsl(219, 29%, 78%); background: hsl(219, 29%, 14%); border-color: hsla(219, 29%, 78%, 0.15); }
  body.graphiql-dark .gateway-sign-in input, body.graphiql-dark .gateway-sign-in select { background: hsl(219, 29%, 18%); }
`;

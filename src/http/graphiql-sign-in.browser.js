// @ts-check
/**
 * GraphiQL's sign-in bar, run in the browser (served inline by graphiql-page.ts; plain JavaScript
 * because yoga's GraphiQL build is extended without a bundler). It signs in through the gateway's
 * own initiateAuth mutation, then yoga's fetcher adds `Authorization: Bearer <access token>` to the
 * requests of every tab whose Headers set no Authorization of their own, and renews the token with
 * the refresh token before it expires.
 *
 * Tokens live in this closure only: never in localStorage or sessionStorage, never on `window`,
 * never in GraphiQL's tab headers (which GraphiQL saves), never in the console. A reload signs out.
 */
(function () {
  'use strict';

  /** @param {string} id */
  const readJson = (id) => JSON.parse(/** @type {HTMLElement} */ (document.getElementById(id)).textContent || 'null');

  /**
   * @typedef {{ clientId: string, userPoolId: string }} AppClient
   * @typedef {{ storageNamespace: string, storageFamily: string, appClients: AppClient[],
   *             prefill: { clientId?: string, username?: string, password?: string } }} SignInConfig
   * @typedef {{ accessToken: string, refreshToken?: string | null, expiresIn?: number | null }} Tokens
   * @typedef {{ name: string, session?: string | null, parameters: { name: string, value: string }[] }} Challenge
   * @typedef {{ __typename: string, tokens?: Tokens | null, challenge?: Challenge | null, code?: string, message?: string }} SignInStep
   * @typedef {{ accessToken: string, refreshToken: string | null, clientId: string, username: string,
   *             groups: string[], expiresAt: number }} Session
   */

  /** @type {SignInConfig} */
  const config = readJson('gateway-sign-in-config');
  /** @type {Record<string, any>} */
  const graphiqlOptions = readJson('gateway-graphiql-options');
  const endpoint = new URL(graphiqlOptions['endpoint'] ?? location.pathname, location.href).toString();

  // ---- GraphiQL's saved state, one namespace per set of preset tabs ------------------------------

  /**
   * GraphiQL keeps tabs and headers in storage and prefers them to the preset tabs. The namespace
   * is derived from the preset tabs (and so from the demo's ids): a re-seeded demo starts with
   * fresh tabs instead of ones naming pools and clients that no longer exist.
   * @param {string} namespace
   */
  function namespacedStorage(namespace) {
    const prefix = `${namespace}:`;
    /** @type {Storage} */
    let backing;
    try {
      backing = window.localStorage;
      backing.getItem(prefix);
    } catch {
      // Storage disabled (a locked-down profile): GraphiQL works, and forgets on reload.
      const memory = new Map();
      backing = /** @type {Storage} */ ({
        getItem: (key) => memory.get(key) ?? null,
        setItem: (key, value) => void memory.set(key, String(value)),
        removeItem: (key) => void memory.delete(key),
        key: (index) => [...memory.keys()][index] ?? null,
        clear: () => memory.clear(),
        get length() {
          return memory.size;
        },
      });
    }
    /** @param {(key: string) => boolean} keep */
    const keys = (keep) => {
      const found = [];
      for (let i = 0; i < backing.length; i++) {
        const key = backing.key(i);
        if (key !== null && keep(key)) found.push(key);
      }
      return found;
    };
    // Earlier demos' state is never read again.
    for (const key of keys((k) => k.startsWith(config.storageFamily) && !k.startsWith(prefix))) backing.removeItem(key);
    const own = () => keys((k) => k.startsWith(prefix));
    return {
      /** @param {string} key */
      getItem: (key) => backing.getItem(prefix + key),
      /** @param {string} key @param {string} value */
      setItem: (key, value) => backing.setItem(prefix + key, value),
      /** @param {string} key */
      removeItem: (key) => backing.removeItem(prefix + key),
      clear: () => own().forEach((key) => backing.removeItem(key)),
      get length() {
        return own().length;
      },
    };
  }

  const storage = namespacedStorage(config.storageNamespace);

  // Yoga echoes the query being edited into the address (?query=), and GraphiQL opens an address
  // query it does not find among the saved tabs as an extra tab: reloading, or coming back from a
  // bookmark after a re-seed, brought back an old query (naming pools of an earlier demo) as a copy.
  // The saved tabs hold the edits already, so the echo is dropped before GraphiQL reads it.
  (function dropEchoedQuery() {
    const url = new URL(location.href);
    if (!url.searchParams.has('query')) return;
    url.searchParams.delete('query');
    history.replaceState(history.state, '', url);
  })();

  // GraphiQL saves the edited query and variables at once, but the tab list (and which tab is
  // active) a moment later; on load it adds a tab for saved editor contents matching no saved tab,
  // so a reload just after an edit made a copy of the edited tab. The edit goes back into its tab,
  // found by operation name (GraphiQL's own rule for tab titles) when exactly one tab has it.
  (function settleEditedTab() {
    const saved = storage.getItem('graphiql:tabState');
    const query = storage.getItem('graphiql:query');
    if (saved === null || query === null) return;
    /** @param {string} text */
    const operationName = (text) => /^(?!#).*(query|subscription|mutation)\s+([a-zA-Z0-9_]+)/m.exec(text)?.[2] ?? null;
    const name = operationName(query);
    try {
      /** @type {{ tabs: { query: string | null, variables: string | null, operationName: string | null }[], activeTabIndex: number }} */
      const state = JSON.parse(saved);
      const owners = state.tabs.filter((tab) => name !== null && tab.operationName === name);
      const tab = owners[0];
      if (owners.length !== 1 || !tab) return;
      tab.query = query;
      // The saved variables are the fresher when present; absent (GraphiQL removes an empty
      // editor's key and may not have written the tab's yet), the tab's are put back, as GraphiQL
      // matches tabs on query and variables together.
      const variables = storage.getItem('graphiql:variables');
      if (variables !== null) tab.variables = variables;
      else if (tab.variables) storage.setItem('graphiql:variables', tab.variables);
      state.activeTabIndex = state.tabs.indexOf(tab);
      storage.setItem('graphiql:tabState', JSON.stringify(state));
    } catch {
      // Not GraphiQL's format: GraphiQL starts from the preset tabs.
    }
  })();

  // ---- Talking to the gateway ----------------------------------------------------------------------

  const stepFields = 'tokens { accessToken refreshToken expiresIn } challenge { name session parameters { name value } }';
  const SIGN_IN = `mutation GraphiQLSignIn($input: InitiateAuthInput!) {
  initiateAuth(input: $input) { __typename ... on InitiateAuthPayload { ${stepFields} } ... on CognitoError { code message } }
}`;
  const ANSWER = `mutation GraphiQLAnswerChallenge($input: RespondToAuthChallengeInput!) {
  respondToAuthChallenge(input: $input) { __typename ... on RespondToAuthChallengePayload { ${stepFields} } ... on CognitoError { code message } }
}`;

  const REVOKE = `mutation GraphiQLSignOut($input: RevokeTokenInput!) {
  revokeToken(input: $input) { __typename ... on CognitoError { code message } }
}`;

  /**
   * @param {string} query
   * @param {Record<string, unknown>} variables
   * @returns {Promise<Record<string, any>>}
   */
  async function post(query, variables) {
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
    /** @type {{ data?: Record<string, any>, errors?: { message: string }[] }} */
    let body;
    try {
      body = await response.json();
    } catch {
      throw new Error(`the gateway answered HTTP ${response.status} without a GraphQL result`);
    }
    if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
    if (!body.data) throw new Error(`the gateway answered HTTP ${response.status} without data`);
    return body.data;
  }

  /**
   * The claims of a JWT, read for display and for the refresh's username; the gateway verifies tokens.
   * @param {string} token
   * @returns {Record<string, any>}
   */
  function claimsOf(token) {
    try {
      const payload = token.split('.')[1] ?? '';
      const base64 = payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '=');
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return {};
    }
  }

  // ---- The session: in memory only ----------------------------------------------------------------

  /** @type {Session | null} */
  let session = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let refreshTimer;
  /** Renewed this long before expiry (or at four fifths of a short lifetime). */
  const RENEW_AHEAD_MS = 5 * 60_000;
  const RETRY_MS = 30_000;

  /**
   * @param {Tokens} tokens
   * @param {string} clientId
   * @param {string | null} keptRefreshToken a refresh answers without one: keep the one we have
   */
  function startSession(tokens, clientId, keptRefreshToken) {
    const claims = claimsOf(tokens.accessToken);
    // Cognito's expiresIn counts from now on this clock; `exp` is on the server's clock.
    const expiresAt =
      typeof tokens.expiresIn === 'number'
        ? Date.now() + tokens.expiresIn * 1000
        : typeof claims['exp'] === 'number'
          ? claims['exp'] * 1000
          : Date.now() + 3_600_000;
    session = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? keptRefreshToken,
      clientId,
      username: String(claims['username'] ?? claims['cognito:username'] ?? ''),
      groups: Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [],
      expiresAt,
    };
    scheduleRefresh();
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    if (!session?.refreshToken) return;
    const remaining = session.expiresAt - Date.now();
    refreshTimer = setTimeout(refresh, Math.max(0, remaining - Math.min(RENEW_AHEAD_MS, remaining / 5)));
  }

  async function refresh() {
    const current = session;
    if (!current?.refreshToken) return;
    try {
      const data = await post(SIGN_IN, {
        input: {
          clientId: current.clientId,
          username: current.username,
          authFlow: 'REFRESH_TOKEN_AUTH',
          refreshToken: current.refreshToken,
        },
      });
      if (session !== current) return; // signed out meanwhile
      /** @type {SignInStep} */
      const step = data['initiateAuth'];
      if (!step.tokens) throw new Error(step.message ?? `Cognito asked for ${step.challenge?.name ?? 'more'}`);
      startSession(step.tokens, current.clientId, current.refreshToken);
      show.signedIn(`Token renewed at ${time(Date.now())}.`);
    } catch (error) {
      if (session !== current) return;
      if (current.expiresAt - Date.now() > RETRY_MS * 2) {
        refreshTimer = setTimeout(refresh, RETRY_MS);
        show.signedIn(`Could not renew the token (${messageOf(error)}); trying again in ${RETRY_MS / 1000} s.`, 'error');
      } else {
        signOut(`Your session ended: the token could not be renewed (${messageOf(error)}). Sign in again.`, 'error');
      }
    }
  }

  /**
   * @param {string} message
   * @param {'ok' | 'error'} [tone]
   */
  function signOut(message, tone = 'ok') {
    clearTimeout(refreshTimer);
    session = null;
    show.signedOut(message, tone);
  }

  /**
   * Sign-out ends the session at Cognito too (RevokeToken): the refresh token, and the access tokens
   * issued with it, stop working, so a token copied out of a tab is no good after it.
   * @param {Session} ending
   */
  async function revoke(ending) {
    if (!ending.refreshToken) return;
    /** @type {string} */
    let outcome;
    /** @type {'ok' | 'error'} */
    let tone = 'ok';
    try {
      const data = await post(REVOKE, { input: { clientId: ending.clientId, refreshToken: ending.refreshToken } });
      const answer = data['revokeToken'];
      if (answer.__typename === 'RevokeTokenPayload')
        outcome = 'Signed out: the session is revoked at Cognito, and requests go without a token.';
      else [outcome, tone] = [`Signed out here, but Cognito did not revoke the session (${answer.message}).`, 'error'];
    } catch (error) {
      [outcome, tone] = [`Signed out here, but the session could not be revoked at Cognito (${messageOf(error)}).`, 'error'];
    }
    if (!session) show.signedOut(outcome, tone); // unless signed in again meanwhile
  }

  /**
   * Yoga's fetcher calls this for every request of every tab (and for introspection). A tab whose
   * Headers name an Authorization keeps its own.
   * @param {{ extensions?: { headers?: Record<string, unknown> } }} [request]
   * @returns {Record<string, string>}
   */
  function authorizationFor(request) {
    if (!session) return {};
    const tabHeaders = request?.extensions?.headers ?? {};
    if (Object.keys(tabHeaders).some((name) => name.toLowerCase() === 'authorization')) return {};
    return { Authorization: `Bearer ${session.accessToken}` };
  }

  // ---- The bar -------------------------------------------------------------------------------------

  /**
   * @param {string} tag
   * @param {Record<string, string>} [attributes]
   * @param {(Node | string)[]} children
   */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  }

  /** A moment of today as a time, of another day with its date. @param {number} at */
  const time = (at) =>
    new Date(at).toDateString() === new Date().toDateString()
      ? new Date(at).toLocaleTimeString()
      : new Date(at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' });
  /** @param {unknown} error */
  const messageOf = (error) => (error instanceof Error ? error.message : String(error));

  const bar = el('div', { class: 'gateway-sign-in', role: 'region', 'aria-label': 'Sign-in' });
  const status = el('span', { class: 'gateway-sign-in-status', role: 'status', 'aria-live': 'polite' });

  /**
   * @param {HTMLElement} target
   * @param {string} message
   * @param {'ok' | 'error' | 'info'} tone
   */
  function say(target, message, tone) {
    target.textContent = message;
    target.dataset['tone'] = tone;
  }

  /**
   * @param {string} label
   * @param {HTMLInputElement | HTMLSelectElement} control
   */
  const field = (label, control) => el('label', {}, el('span', {}, label), control);

  const show = {
    /**
     * @param {string} [message]
     * @param {'ok' | 'error' | 'info'} [tone]
     */
    signedOut(message = '', tone = 'info') {
      bar.replaceChildren();
      if (config.appClients.length === 0) {
        say(
          status,
          'No app client is configured for sign-in (COGNITO_APP_CLIENTS): set an Authorization header in a tab’s Headers.',
          'info',
        );
        bar.append(el('strong', {}, 'Not signed in'), status);
        return;
      }
      const client = /** @type {HTMLSelectElement} */ (el('select', { name: 'clientId' }));
      for (const app of config.appClients) {
        const option = /** @type {HTMLOptionElement} */ (el('option', { value: app.clientId }, `${app.clientId} (${app.userPoolId})`));
        option.selected = app.clientId === config.prefill.clientId;
        client.append(option);
      }
      const username = /** @type {HTMLInputElement} */ (el('input', { name: 'username', autocomplete: 'username', required: '' }));
      username.value = config.prefill.username ?? '';
      const password = /** @type {HTMLInputElement} */ (
        el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: '' })
      );
      password.value = config.prefill.password ?? '';
      const submit = el('button', { type: 'submit' }, 'Sign in');
      const form = el(
        'form',
        { class: 'gateway-sign-in-form' },
        field('App client', client),
        field('Username', username),
        field('Password', password),
        submit,
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const attempt = { clientId: client.value, username: username.value.trim() };
        submit.setAttribute('disabled', '');
        say(status, 'Signing in…', 'info');
        post(SIGN_IN, { input: { ...attempt, password: password.value, authFlow: 'USER_PASSWORD_AUTH' } })
          .then((data) => onStep(data['initiateAuth'], attempt))
          .catch((error) => say(status, `Sign-in failed: ${messageOf(error)}`, 'error'))
          .finally(() => submit.removeAttribute('disabled'));
      });
      say(status, message, tone);
      bar.append(form, status);
    },

    /**
     * @param {string} [message]
     * @param {'ok' | 'error' | 'info'} [tone]
     */
    signedIn(message = '', tone = 'ok') {
      if (!session) return;
      const who = el('span', { class: 'gateway-sign-in-who' }, 'Signed in as ', el('strong', {}, session.username));
      if (session.groups.length > 0) who.append(` (${session.groups.join(', ')})`);
      const expiry = el(
        'span',
        { class: 'gateway-sign-in-expiry' },
        `Token expires at ${time(session.expiresAt)}${session.refreshToken ? ', renewed before then' : ''}. Every tab sends it unless its Headers set an Authorization.`,
      );
      const signOutButton = el('button', { type: 'button', class: 'secondary' }, 'Sign out');
      signOutButton.addEventListener('click', () => {
        const ending = session;
        signOut('Signed out: requests go without a token; revoking the session at Cognito…');
        if (ending) void revoke(ending);
      });
      say(status, message, tone);
      bar.replaceChildren(who, expiry, signOutButton, status);
    },

    /**
     * @param {Challenge} challenge
     * @param {{ clientId: string, username: string }} attempt
     */
    challenge(challenge, attempt) {
      const answers = /** @type {Record<string, { from: 'newPassword' | 'code' | 'answer', label: string, type: string }>} */ ({
        NEW_PASSWORD_REQUIRED: { from: 'newPassword', label: 'New password', type: 'password' },
        SMS_MFA: { from: 'code', label: 'Code', type: 'text' },
        SOFTWARE_TOKEN_MFA: { from: 'code', label: 'Code', type: 'text' },
        EMAIL_OTP: { from: 'code', label: 'Code', type: 'text' },
        SELECT_MFA_TYPE: { from: 'answer', label: 'Answer', type: 'text' },
        CUSTOM_CHALLENGE: { from: 'answer', label: 'Answer', type: 'text' },
      });
      const how = answers[challenge.name];
      const heading = el('strong', { class: 'gateway-sign-in-challenge' }, `Cognito asks ${attempt.username} for ${challenge.name}`);
      const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
      cancel.addEventListener('click', () => show.signedOut());
      if (!how || !challenge.session) {
        say(status, 'This bar cannot answer that challenge: answer it with respondToAuthChallenge in a tab.', 'error');
        bar.replaceChildren(heading, cancel, status);
        return;
      }
      const input = /** @type {HTMLInputElement} */ (
        el('input', {
          name: how.from,
          type: how.type,
          autocomplete: how.from === 'newPassword' ? 'new-password' : 'one-time-code',
          required: '',
        })
      );
      const submit = el('button', { type: 'submit' }, 'Answer');
      const form = el('form', { class: 'gateway-sign-in-form' }, heading, field(how.label, input), submit, cancel);
      const challengeSession = challenge.session;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submit.setAttribute('disabled', '');
        say(status, 'Answering…', 'info');
        post(ANSWER, { input: { ...attempt, challengeName: challenge.name, session: challengeSession, [how.from]: input.value } })
          .then((data) => onStep(data['respondToAuthChallenge'], attempt))
          .catch((error) => say(status, `Failed: ${messageOf(error)}`, 'error'))
          .finally(() => submit.removeAttribute('disabled'));
      });
      const hint = challenge.name === 'NEW_PASSWORD_REQUIRED' ? 'The password is temporary: choose a new one to finish signing in.' : '';
      say(status, hint, 'info');
      bar.replaceChildren(form, status);
      input.focus();
    },
  };

  /**
   * @param {SignInStep} step
   * @param {{ clientId: string, username: string }} attempt
   */
  function onStep(step, attempt) {
    if (step.tokens) {
      startSession(step.tokens, attempt.clientId, null);
      show.signedIn();
    } else if (step.challenge) {
      show.challenge(step.challenge, attempt);
    } else {
      say(status, `Sign-in failed: ${step.message ?? step.__typename}${step.code ? ` (${step.code})` : ''}`, 'error');
    }
  }

  // ---- GraphiQL ------------------------------------------------------------------------------------

  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  root.before(bar);
  show.signedOut();
  /** @type {any} */ (window)['YogaGraphiQL'].renderYogaGraphiQL(root, {
    ...graphiqlOptions,
    storage,
    // Headers typed into tabs stay in memory: a token pasted there does not land in localStorage.
    shouldPersistHeaders: false,
    additionalHeaders: authorizationFor,
  });
})();

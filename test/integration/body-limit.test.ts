import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { loadConfig } from '../../src/config';
import { serve, type RunningServer } from '../../src/http/server';
import { silentLogger } from '../../src/domain/logger';
import { createGateway } from '../../src/http/yoga';
import { TEST_SERVICE_KEY } from '../support/gateway';

/**
 * The request body limit over a real socket: a body that states its length is refused from the
 * header alone; one sent in chunks (no Content-Length) is counted as it arrives. Each refusal has
 * a control of the same kind within the limit. A malformed Content-Length goes through `fetch`.
 */

const LIMIT = 4096;

interface Reply {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A GraphQL request of exactly `bytes` bytes: `{ __typename }` padded with an unused variable. */
function bodyOf(bytes: number): string {
  const empty = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
  return JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes - empty.length) } });
}

describe('request body limit', () => {
  let running: RunningServer;
  beforeAll(async () => {
    const client = createCognitoClient({ region: 'local', endpoint: inject('cognitoEndpoint'), credentials: localCredentials });
    const gateway = createGateway({ client, serviceKeys: [TEST_SERVICE_KEY], limits: { ...loadConfig({}).limits, bodyBytes: LIMIT } });
    running = await serve(gateway, '127.0.0.1', 0, silentLogger);
  });
  afterAll(() => running.stop(1_000));

  /** POSTs `body` in `chunks` pieces; with `chunked`, no Content-Length is sent. */
  function post(body: string, chunked: boolean, chunks = 1): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-service-key': TEST_SERVICE_KEY };
      headers[chunked ? 'transfer-encoding' : 'content-length'] = chunked ? 'chunked' : String(Buffer.byteLength(body));
      const outgoing = request({ host: '127.0.0.1', port: running.port, path: '/graphql', method: 'POST', headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }));
      });
      // The server may answer and close before the whole body is written.
      outgoing.on('error', reject);
      const size = Math.ceil(body.length / chunks);
      for (let start = 0; start < body.length; start += size) outgoing.write(body.slice(start, start + size));
      outgoing.end();
    });
  }

  it('refuses a body whose Content-Length is over the limit with 413, and serves one at the limit', async () => {
    const over = await post(bodyOf(LIMIT + 1), false);
    expect(over.status).toBe(413);
    expect(over.body.data).toBeUndefined();
    expect(over.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TOO_LARGE');
    expect(over.body.errors?.[0]?.message).toContain(`${LIMIT} bytes`);

    const atLimit = await post(bodyOf(LIMIT), false);
    expect(atLimit).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('refuses a Content-Length that is not one plain number (as in request smuggling) with 400', async () => {
    // Node's own parser refuses most such headers before the gateway sees them; `fetch` does not.
    const gateway = createGateway({
      client: createCognitoClient({ region: 'local', endpoint: inject('cognitoEndpoint'), credentials: localCredentials }),
    });
    for (const stated of ['10, 10', '-1', 'ten']) {
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': stated },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status, stated).toBe(400);
      const body = (await response.json()) as Reply['body'];
      expect(body.errors?.[0]?.message, stated).toMatch(/Content-Length/);
      expect(body.data, stated).toBeUndefined();
    }
  });

  it('counts a chunked body as it arrives: over the limit is 413, within it is served', async () => {
    const over = await post(bodyOf(LIMIT + 1), true, 8);
    expect(over.status).toBe(413);
    expect(over.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TOO_LARGE');

    const within = await post(bodyOf(LIMIT), true, 8);
    expect(within).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});

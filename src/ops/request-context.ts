import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An id a caller (or the proxy in front) may choose, so its logs and ours meet: letters, digits and
 * `._:-`, at most 128 characters. Anything else (a line break that would forge a log line, an
 * unbounded value) is replaced by an id of our own.
 */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request id from the caller's header when well-formed, otherwise a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTED_REQUEST_ID.test(value) ? value : randomUUID();
}

/** The current request's id, anywhere in the work it started (the logger, the tracer); undefined outside a request. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** For the logger: the fields every line of the current request carries. */
export function requestLogFields(): Readonly<Record<string, string>> | undefined {
  const context = storage.getStore();
  return context ? { requestId: context.requestId } : undefined;
}

/**
 * Wraps a Node request handler: each request runs with its id (the caller's X-Request-Id when
 * well-formed, else a new one), which is sent back in the X-Request-Id response header.
 */
export function withRequestId(handler: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    storage.run({ requestId }, () => handler(req, res));
  };
}

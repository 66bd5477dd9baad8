import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../domain/gateway-error';

/**
 * A position in a list, right after one edge.
 * - `page`: the token of the Cognito page the edge came from, the page size that page was fetched
 *   with (Cognito cuts pages by size) and how many of its items come before the resume point, with
 *   short digests of the edge's item (`after`) and of the next one on that page (`next`): if the
 *   list changed under the page, the resume point is found by them rather than by the count.
 * - `key`: a list the gateway reads whole and keeps in order of a key (a user's groups, by name):
 *   the resume point is the first item whose key comes after this one.
 * - `end`: nothing follows.
 */
export type CursorPosition =
  | { kind: 'page'; token: string | null; pageSize: number; offset: number; after?: string; next?: string }
  | { kind: 'key'; key: string }
  | { kind: 'end' };

const VERSION = 2;
const MAC_BYTES = 12;

/** A short digest of an item's key, to find it again in a page without putting the key in the cursor. */
export function itemDigest(key: string): string {
  return createHash('sha256').update(key).digest().subarray(0, 9).toString('base64url');
}

/**
 * Cursors are `base64url(json).base64url(hmac)`: opaque to clients, versioned, bound to the
 * connection that produced them (operation and arguments) and signed, so a cursor from another
 * connection or an edited one is refused with a clear error instead of paging the wrong list.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(binding: string, position: CursorPosition): string {
    const body =
      position.kind === 'end'
        ? [VERSION, binding, 'end']
        : position.kind === 'key'
          ? [VERSION, binding, 'key', position.key]
          : [VERSION, binding, position.token, position.pageSize, position.offset, position.after ?? null, position.next ?? null];
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /**
   * @param argument the argument the cursor came in, named in errors.
   * @param maxPageSize the largest page the list's operation takes: a cursor is checked against it
   *   even when its signature holds, so a leaked or guessed secret cannot send Cognito any page size.
   *   (The offset is not sent anywhere: it only indexes a page already read, found again by digest.)
   */
  decode(cursor: string, binding: string, argument = 'after', maxPageSize = Number.MAX_SAFE_INTEGER): CursorPosition {
    const [payload, mac, extra] = cursor.split('.');
    if (!payload || !mac || extra !== undefined || !this.verify(payload, mac)) {
      throw invalidCursor(argument, 'it is not a cursor this gateway issued, or it was altered');
    }
    const body = parseJson(payload);
    if (!Array.isArray(body) || body[0] !== VERSION) {
      throw invalidCursor(argument, `its version is not supported (expected ${VERSION})`);
    }
    if (body[1] !== binding) {
      throw invalidCursor(
        argument,
        'it belongs to a different connection; a cursor only resumes the list, with the same arguments, that issued it',
      );
    }
    if (body.length === 3 && body[2] === 'end') return { kind: 'end' };
    if (body.length === 4 && body[2] === 'key' && typeof body[3] === 'string') return { kind: 'key', key: body[3] };
    const [, , token, pageSize, offset, after, next] = body as unknown[];
    const digest = (value: unknown) => value === null || typeof value === 'string';
    if (
      body.length !== 7 ||
      (token !== null && typeof token !== 'string') ||
      !Number.isInteger(pageSize) ||
      !Number.isInteger(offset) ||
      (offset as number) < 0 ||
      (pageSize as number) < 1 ||
      (pageSize as number) > maxPageSize ||
      !digest(after) ||
      !digest(next)
    ) {
      throw invalidCursor(argument, 'its content is malformed');
    }
    return {
      kind: 'page',
      token: token as string | null,
      pageSize: pageSize as number,
      offset: offset as number,
      ...(after ? { after: after as string } : {}),
      ...(next ? { next: next as string } : {}),
    };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest().subarray(0, MAC_BYTES).toString('base64url');
  }

  private verify(payload: string, mac: string): boolean {
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** Identifies a connection: the list operation and its arguments other than paging. */
export function connectionBinding(operation: string, input: object): string {
  return createHash('sha256').update(operation).update('\0').update(canonicalJson(input)).digest('base64url').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function invalidCursor(argument: string, reason: string): GatewayError {
  return new GatewayError('INVALID_CURSOR', `\`${argument}\` is not a valid cursor: ${reason}.`, {
    field: argument,
    details: { argument },
  });
}

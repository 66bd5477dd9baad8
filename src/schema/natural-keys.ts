import { inputError } from '../errors';

/**
 * Relay global IDs wrap a type's natural key. Pool ids never contain a colon (`region_Id`), so a
 * key is `userPoolId:rest` and the rest (a username, group name or client id) may hold anything.
 */
export function joinKey(userPoolId: string, rest: string): string {
  return `${userPoolId}:${rest}`;
}

export function splitKey(id: string, field = 'id'): [userPoolId: string, rest: string] {
  const at = id.indexOf(':');
  if (at <= 0 || at === id.length - 1) throw inputError(field, 'is not an id of this type');
  return [id.slice(0, at), id.slice(at + 1)];
}

/** Keys of more than two parts, any of which may hold a colon, as a JSON array. */
export function joinKeyParts(parts: readonly string[]): string {
  return JSON.stringify(parts);
}

export function splitKeyParts(id: string, count: number, field = 'id'): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(id);
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length !== count || !parts.every((part) => typeof part === 'string' && part !== '')) {
    throw inputError(field, 'is not an id of this type');
  }
  return parts as string[];
}

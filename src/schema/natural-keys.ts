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

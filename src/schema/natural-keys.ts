/**
 * Relay global IDs wrap a type's natural key. Pool ids never contain a colon (`region_Id`), so a
 * key is `userPoolId:rest` and the rest (a username, group name or client id) may hold anything.
 */
export function joinKey(userPoolId: string, rest: string): string {
  return `${userPoolId}:${rest}`;
}

/** Keys of more than two parts, any of which but the first may hold a colon, as a JSON array. */
export function joinKeyParts(parts: readonly string[]): string {
  return JSON.stringify(parts);
}

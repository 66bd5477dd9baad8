import { isNotFound } from '../domain/gateway-error';

/** Lookups by key answer null for a key that names nothing, as GraphQL clients expect. */
export async function nullIfNotFound<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

import { createLoaders, type Loader, type LoaderFactory, type Loaders } from '../src/cognito/loaders';
import { readGroupsOfUser } from '../src/cognito/membership';

/**
 * The benchmark's naive baseline: what a resolver set without batching does. Every load is a
 * call of its own (no deduplication, nothing primed from lists, no connection read once for two
 * fields), nothing is read ahead, and users' groups are always read one user at a time. Built
 * over the gateway's own loaders, so both sides make the same calls for the same load.
 */
function uncached<Key, Value>(loader: Loader<Key, Value>): Loader<Key, Value> {
  const naive: Loader<Key, Value> = {
    load: (key) => loader.clearAll().load(key),
    prime: () => naive as never,
    clearAll: () => naive as never,
  };
  return naive;
}

export const naiveLoaders: LoaderFactory = (call, paging, descriptions) => {
  const real = createLoaders(call, paging, descriptions);
  const loaders = Object.fromEntries(
    Object.entries(real).map(([name, value]) => [name, typeof value === 'function' ? value : uncached(value as Loader<unknown, unknown>)]),
  ) as unknown as Loaders;
  return {
    ...loaders,
    groupsOfUser: {
      load: (user) => readGroupsOfUser(call, paging, user),
      prime: () => loaders.groupsOfUser as never,
      clearAll: () => loaders.groupsOfUser as never,
    },
    readAhead: () => undefined,
  };
};

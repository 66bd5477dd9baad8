import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../resolvers/context';
import { directFields, type SelectionView } from './selection';

/**
 * Reads one list field of a parent known only by its key; the same function is that field's
 * resolver, so the early read and the field's own read are the same read.
 */
export type ListReader<Key> = (parent: Key, args: never, ctx: GatewayContext, view: SelectionView) => Promise<unknown>;

/**
 * A lookup by key (a pool, a group, a user) resolves once its Describe or Get has answered, and
 * only then does GraphQL start the fields below it. The lists selected below it need the key
 * alone, so the lookup starts them alongside its own read: one round of calls instead of two. The
 * fields then find them in the request's connection memo (Loaders.connections). When the lookup
 * finds nothing, or fails, their answers go unread. Readers must need no scope beyond the
 * lookup's own: the lookup has passed its scope check, their fields have not yet.
 */
export function startSelectedLists<Key>(
  info: GraphQLResolveInfo,
  key: Key,
  ctx: GatewayContext,
  readers: Readonly<Record<string, ListReader<Key>>>,
): void {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return;
  for (const node of selectedFields(info)) {
    const reader = readers[node.name.value];
    const field = type.getFields()[node.name.value];
    if (!reader || !field) continue;
    let args: Record<string, unknown>;
    try {
      // Coerced against the field's own definition, as GraphQL will coerce them for its resolver.
      args = getArgumentValues(field, node, info.variableValues);
    } catch {
      continue; // the field reports it when GraphQL reaches it
    }
    const view = { fieldNodes: [node], fragments: info.fragments, variableValues: info.variableValues };
    ctx.loaders.readAhead(() => reader(key, args as never, ctx, view));
  }
}

/** The fields selected directly below the resolved field. */
function selectedFields(info: GraphQLResolveInfo): FieldNode[] {
  return info.fieldNodes.flatMap((node) => (node.selectionSet ? directFields(info, node.selectionSet) : []));
}

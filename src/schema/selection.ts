import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

export const cursorFields: ReadonlySet<string> = new Set(['cursor', 'startCursor', 'endCursor']);

/** What the helpers here read of a resolved field: its nodes in the query, and the fragments. */
export type SelectionView = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** The selection sets of the resolved field, flattening fragments. */
function rootSets(info: SelectionView): SelectionSetNode[] {
  return info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** The fields (by name) directly selected in `set`, looking through fragments. */
function fieldsNamed(info: SelectionView, set: SelectionSetNode, name: string): SelectionSetNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name && selection.selectionSet ? [selection.selectionSet] : [];
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet;
    return inner ? fieldsNamed(info, inner, name) : [];
  });
}

/** The selection sets reached from the resolved field through `path` (field names). */
export function selectionsAt(info: SelectionView, path: readonly string[]): SelectionSetNode[] {
  return path.reduce((sets, name) => sets.flatMap((set) => fieldsNamed(info, set, name)), rootSets(info));
}

/** Whether any of `sets` selects one of `names`, at any depth, through fragments too. */
export function selectsAnyOf(info: SelectionView, names: ReadonlySet<string>, sets: SelectionSetNode[] = rootSets(info)): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return names.has(selection.name.value) || visit(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return sets.some(visit);
}

/** A users connection whose users' groups are asked without cursors (the pool-wide way may serve them). */
export function wantsGroupsWithoutCursors(info: SelectionView): boolean {
  const groups = selectionsAt(info, ['edges', 'node', 'groups']);
  return groups.length > 0 && !selectsAnyOf(info, cursorFields, groups);
}

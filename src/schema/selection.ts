import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** What the helpers here read of a resolved field: its nodes in the query, the fragments, the variables. */
export type SelectionView = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>;

/** The selection sets of the resolved field. */
function rootSets(info: SelectionView): SelectionSetNode[] {
  return info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** The fields selected directly in `set`, through fragments, less those @skip/@include leave out. */
export function directFields(info: SelectionView, set: SelectionSetNode): FieldNode[] {
  return set.selections.flatMap((selection) => {
    const skipped =
      getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.['if'] === true ||
      getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.['if'] === false;
    if (skipped) return [];
    if (selection.kind === Kind.FIELD) return [selection];
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet;
    return inner ? directFields(info, inner) : [];
  });
}

/** The selection sets reached from the resolved field through `path` (field names). */
export function selectionsAt(info: SelectionView, path: readonly string[]): SelectionSetNode[] {
  return path.reduce(
    (sets, name) =>
      sets.flatMap((set) =>
        directFields(info, set).flatMap((field) => (field.name.value === name && field.selectionSet ? [field.selectionSet] : [])),
      ),
    rootSets(info),
  );
}

/** A users connection whose users' groups are asked for (the pool-wide way may serve them). */
export function wantsUsersGroups(info: SelectionView): boolean {
  return selectionsAt(info, ['edges', 'node', 'groups']).length > 0;
}

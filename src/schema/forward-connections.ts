import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  type FieldDefinitionNode,
  type GraphQLArgument,
  type GraphQLSchema,
  type InputValueDefinitionNode,
} from 'graphql';

const backwards: ReadonlySet<string> = new Set(['last', 'before']);

const forwardArgs = (args: readonly InputValueDefinitionNode[] | undefined) => args?.filter((arg) => !backwards.has(arg.name.value));

/**
 * Cognito's pagination tokens only go forwards, so every connection takes `first` and `after`
 * alone. The Relay plugin gives each connection field `last` and `before` as well, with no option
 * to leave them out; they are taken out of the built schema here, so that clients (GraphiQL,
 * codegen, Relay) are never offered what would only be refused. The subgraph SDL (`_service`,
 * schema.graphql) is printed from the types' AST nodes, so those lose them too.
 */
export function forwardOnlyConnections(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const connections = new Set<string>();
    for (const field of Object.values(type.getFields())) {
      if (!getNamedType(field.type).name.endsWith('Connection')) continue;
      connections.add(field.name);
      const editable = field as { args: readonly GraphQLArgument[]; astNode: FieldDefinitionNode | null | undefined };
      editable.args = field.args.filter((arg) => !backwards.has(arg.name));
      if (field.astNode) editable.astNode = { ...field.astNode, arguments: forwardArgs(field.astNode.arguments) };
    }
    const node = type.astNode;
    if (connections.size === 0 || !node?.fields) continue;
    const fields = node.fields.map((field) =>
      connections.has(field.name.value) ? { ...field, arguments: forwardArgs(field.arguments) } : field,
    );
    (type as { astNode: typeof node }).astNode = { ...node, fields } as typeof node;
  }
  return schema;
}

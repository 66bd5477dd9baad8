import { GraphQLObjectType, GraphQLSchema, isSpecifiedDirective, type GraphQLNamedType } from 'graphql';

/** Root fields the gateway serves to its own clients but not to a router (the router owns them). */
const routerOwnedFields: ReadonlySet<string> = new Set(['node', 'nodes']);
/** What the federation plugin adds for routers, which a client's code generator has no use for. */
const federationFields: ReadonlySet<string> = new Set(['_entities', '_service']);

/** `schema` with its query type less `omitted` fields (objects and AST alike: printers read either). */
function withoutQueryFields(schema: GraphQLSchema, omitted: ReadonlySet<string>): GraphQLSchema {
  const query = schema.getQueryType()!;
  const config = query.toConfig();
  const fields = Object.fromEntries(Object.entries(config.fields).filter(([name]) => !omitted.has(name)));
  const astNode = config.astNode && { ...config.astNode, fields: config.astNode.fields?.filter((field) => !omitted.has(field.name.value)) };
  const trimmed = new GraphQLObjectType({ ...config, fields, astNode });
  const types = Object.values(schema.getTypeMap()).map((type): GraphQLNamedType => (type === query ? trimmed : type));
  return new GraphQLSchema({ ...schema.toConfig(), query: trimmed, types });
}

/** What a router composes: the subgraph less `node`/`nodes` (schema.graphql, `_service { sdl }`). */
export function routerView(schema: GraphQLSchema): GraphQLSchema {
  return withoutQueryFields(schema, routerOwnedFields);
}

/**
 * What a frontend generates code from (schema.client.graphql): every field it may send to the
 * gateway, `node` and `nodes` included, without the federation machinery (`_entities`, `_service`,
 * their types, `@link` and the federation directives), which relay-compiler cannot read.
 */
export function clientView(schema: GraphQLSchema): GraphQLSchema {
  const withoutFederation = withoutQueryFields(schema, federationFields);
  const config = withoutFederation.toConfig();
  const federationTypes = /^(_Any|_Entity|_Service|link__Import|link__Purpose|federation__.*|FieldSet)$/;
  return new GraphQLSchema({
    ...config,
    types: config.types.filter((type) => !federationTypes.test(type.name)),
    directives: config.directives.filter((directive) => isSpecifiedDirective(directive)),
    extensionASTNodes: [],
    astNode: undefined,
  });
}

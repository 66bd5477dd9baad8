import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * How many Cognito calls an operation may make, at most, estimated before it runs: the cost model
 * of MAX_CALLS_PER_REQUEST. The Pothos complexity estimate (MAX_COMPLEXITY) counts what a query
 * returns; this counts what it costs Cognito. Items multiply as in the complexity estimate (a
 * connection's `first`, the ids of `nodes`), read off each field's complexity option, and:
 *
 * - a root field is one call; a root connection, `nodes`, `_entities` and the bulk mutations one
 *   per page or per item;
 * - a connection is one call per Cognito page of `first` items (60 a page, plus the page read to
 *   tell `hasNextPage`), for every item of its parent: a listed user's `groups` and `devices` too,
 *   though many users' groups are often read pool-wide in fewer calls (an upper bound);
 * - a lookup by argument below the root (`UserPool.user(username:)`, `User.device(deviceKey:)`)
 *   is one call per parent item; so is a mutation payload's re-read of what it changed;
 * - the fields below `perItemCalls` are one call per parent item (fields of one group share it:
 *   every description field of a listed pool comes from one DescribeUserPool);
 * - a link to the pool an item belongs to is one call in all, and what is below it is counted
 *   once: the items of one list share their pool.
 *
 * Loaders may make the real count lower (a user asked twice is read once); the estimate does not
 * try to know that. It is no replacement for the run-time cap, which counts real calls.
 */

/** A field whose value needs a call for each item of its parent. */
interface PerItemCall {
  /** Fields of one group on one item share one call (a Describe that answers them all). */
  group?: string;
  /** The value is the same for every item of a list (their pool): one call, and what is below counted once. */
  shared?: boolean;
}

const POOL_DETAIL = [
  'arn',
  'estimatedNumberOfUsers',
  'mfaConfiguration',
  'deletionProtection',
  'tier',
  'domain',
  'customDomain',
  'usernameAttributes',
  'aliasAttributes',
  'autoVerifiedAttributes',
  'passwordPolicy',
  'schemaAttributes',
];
/** A listed client carries only its id and name; every other field is DescribeUserPoolClient's. */
const CLIENT_SUMMARY = new Set(['id', 'userPoolId', 'clientId', 'name', 'pool']);

export const perItemCalls: Readonly<Record<string, PerItemCall>> = {
  'User.mfa': { group: 'AdminGetUser' },
  'User.pool': { shared: true },
  'Group.pool': { shared: true },
  'Client.pool': { shared: true },
  'ImportJob.pool': { shared: true },
  'Device.user': {},
  'UserPool.csvHeader': {},
  'UserPool.mfaConfig': {},
  // A call each: DescribeRiskConfiguration (pool-wide or the client's), (Admin)GetUserAuthFactors.
  'UserPool.riskConfiguration': {},
  'Client.riskConfiguration': {},
  'User.authFactors': {},
  'CognitoViewer.authFactors': {},
  'UserPool.logDeliveryConfiguration': {},
  'UserPool.signingCertificate': {},
  // Issue 17: session configuration; tags are one ListTagsForResource with the ARN of the pool's DescribeUserPool.
  'UserPool.sessionConfiguration': {},
  'Client.sessionConfiguration': {},
  'UserPool.tags': {},
  ...Object.fromEntries(POOL_DETAIL.map((field) => [`UserPool.${field}`, { group: 'DescribeUserPool' }])),
  // Branding and terms (issue 17): a read each; a listed terms summary's other fields share one DescribeTerms.
  'UserPool.uiCustomization': {},
  'Client.managedLoginBranding': {},
  'Client.uiCustomization': {},
  'Client.terms': {},
  ...Object.fromEntries(['source', 'links', 'clientId', 'client'].map((field) => [`Terms.${field}`, { group: 'DescribeTerms' }])),
  'Terms.pool': { shared: true },
  'ManagedLoginBranding.pool': { shared: true },
  // Domains, identity providers and resource servers (issue 17): what only their Describe tells.
  ...Object.fromEntries(
    [
      'status',
      'managedLoginVersion',
      'cloudFrontDistribution',
      'certificateArn',
      'securityPolicy',
      's3Bucket',
      'version',
      'awsAccountId',
    ].map((field) => [`UserPoolDomain.${field}`, { group: 'DescribeUserPoolDomain' }]),
  ),
  'UserPoolDomain.pool': { shared: true },
  'IdentityProvider.pool': { shared: true },
  'ResourceServer.pool': { shared: true },
  // IdentityProvider's described fields are not counted per item either: the clients of a pool
  // list the same few providers, each described once per request (loaders), so counting one
  // call per client and provider would refuse ordinary queries; the run-time cap counts them.
  // OAuthScope.description and resourceServer are not counted: a resource server's own scopes carry
  // them, and an app client's custom scopes share one DescribeResourceServer per server (loaders).
};

/** Root fields that make more than one call: the updates read the current settings first (README, Updates). */
const ROOT_CALLS: Readonly<Record<string, number>> = {
  updateUserPool: 2,
  updateUserPoolClient: 2,
  setUserPoolMfaConfig: 2,
  // Branding and terms (issue 17)
  updateManagedLoginBranding: 2,
  updateTerms: 2,
  setUICustomization: 2,
  setLogDeliveryConfiguration: 2,
  // Issue 17: the current configuration first; the pool's ARN first (DescribeUserPool).
  setUserPoolSessionConfiguration: 2,
  tagResource: 2,
  untagResource: 2,
  // Issue 17
  updateUserPoolDomain: 2,
  updateIdentityProvider: 2,
  updateResourceServer: 2,
};

/** Payload fields that read again what the mutation changed. */
const REREAD_TYPES = new Set(['User', 'Group', 'Device', 'CognitoViewer']);
/** Cognito's largest page, for every list the gateway reads (src/cognito/list-operations.ts). */
const PAGE_SIZE = 60;
const DEFAULT_FIRST = 20;
/** The complexity plugin's default for a list without a multiplier (builder.ts). */
const DEFAULT_LIST_MULTIPLIER = 10;
type Variables = Record<string, unknown>;

/** Calls of a selection for `items` items of its type: `items × perItem + fixed` (what is shared by all items). */
interface Cost {
  perItem: number;
  fixed: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Variables;
  /** Each selection set is costed once per type, so fragments spread many times cost nothing more to estimate. */
  known: Map<SelectionSetNode, Map<GraphQLNamedType, Cost>>;
  active: Set<SelectionSetNode>;
}

/**
 * The most Cognito calls the operation `operationName` of `document` may make, or undefined when
 * the document cannot be estimated (it is not valid: the GraphQL server refuses it anyway).
 */
export function estimateCognitoCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables | null | undefined,
  operationName?: string | null,
): number | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return undefined;
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const walk: Walk = { schema, fragments, variables: coerced.coerced, known: new Map(), active: new Set() };
  try {
    const { perItem, fixed } = selectionCost(walk, operation.selectionSet, root, true);
    return perItem + fixed;
  } catch {
    return undefined;
  }
}

function selectionCost(walk: Walk, set: SelectionSetNode, type: GraphQLNamedType, root = false): Cost {
  const known = walk.known.get(set)?.get(type);
  if (known) return known;
  // Validation refuses cycles of fragments, but this runs before validation.
  if (walk.active.has(set)) throw new Error('fragments spread in a cycle');
  walk.active.add(set);
  const groups = new Set<string>();
  const cost: Cost = { perItem: 0, fixed: 0 };
  const add = (part: Cost) => {
    cost.perItem += part.perItem;
    cost.fixed += part.fixed;
  };
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) add(fieldCost(walk, selection, type, groups, root));
    else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
      if (condition) add(selectionCost(walk, fragment.selectionSet, condition, root));
    }
  }
  walk.active.delete(set);
  if (!walk.known.has(set)) walk.known.set(set, new Map());
  walk.known.get(set)!.set(type, cost);
  return cost;
}

/** A field's calls for one item of its parent (perItem), and those shared by all items (fixed). */
function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLNamedType, groups: Set<string>, root: boolean): Cost {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return { perItem: 0, fixed: 0 };
  const field = parent.getFields()[node.name.value];
  if (!field) return { perItem: 0, fixed: 0 };
  const args = getArgumentValues(field, node, walk.variables);
  const type = getNamedType(field.type);
  const below = node.selectionSet ? selectionCost(walk, node.selectionSet, type) : { perItem: 0, fixed: 0 };
  const perItem = perItemCalls[`${parent.name}.${field.name}`] ?? clientDetail(parent.name, field.name);
  // What is shared by every item of a list (their pool): one call, and what is below it once.
  if (!root && perItem?.shared) return { perItem: 0, fixed: 1 + below.perItem + below.fixed };

  let own: number;
  if (root) own = rootCalls(field, args, type);
  else if (perItem?.group) {
    own = groups.has(perItem.group) ? 0 : 1;
    groups.add(perItem.group);
  } else if (isConnection(field, type)) own = pages(args);
  else if (perItem || isLookup(field, type) || isReread(parent.name, type)) own = 1;
  else own = 0;
  return { perItem: own + multiplier(field, args) * below.perItem, fixed: below.fixed };
}

function clientDetail(parent: string, field: string): PerItemCall | undefined {
  return parent === 'Client' && !CLIENT_SUMMARY.has(field) ? { group: 'DescribeUserPoolClient' } : undefined;
}

function rootCalls(field: GraphQLField<unknown, unknown>, args: Variables, type: GraphQLNamedType): number {
  if (field.name === '_service' || field.name === '__typename') return 0;
  if (isConnection(field, type)) return pages(args);
  const listed = (args['ids'] ?? args['representations'] ?? (args['input'] as Variables | undefined)?.['usernames']) as
    unknown[] | undefined;
  return Array.isArray(listed) ? Math.max(1, listed.length) : (ROOT_CALLS[field.name] ?? 1);
}

function isConnection(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): boolean {
  return type.name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first');
}

/** A field that finds one object by its arguments: a Describe or Get of its own. */
function isLookup(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): boolean {
  return field.args.length > 0 && isObjectType(type);
}

function isReread(parent: string, type: GraphQLNamedType): boolean {
  return parent.endsWith('Payload') && REREAD_TYPES.has(type.name);
}

function pages(args: Variables): number {
  const first = typeof args['first'] === 'number' ? args['first'] : DEFAULT_FIRST;
  return Math.ceil((first + 1) / PAGE_SIZE);
}

/** How many items a field's value holds, as the complexity estimate counts them (builder.ts). */
function multiplier(field: GraphQLField<unknown, unknown>, args: Variables): number {
  const option = field.extensions['complexity'] as
    number | { multiplier?: number } | ((args: Variables, ctx: unknown, field: unknown) => number | { multiplier?: number }) | undefined;
  const value = typeof option === 'function' ? option(args, undefined, field) : option;
  if (typeof value === 'object' && value.multiplier !== undefined) return Math.max(0, value.multiplier);
  return isList(field.type) ? DEFAULT_LIST_MULTIPLIER : 1;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(type) || (isNonNullType(type) && isListType(type.ofType));
}

import { GatewayError, invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { TagRecord, UserPoolRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { userPoolDetail, userPoolReference } from './user-pools';

/**
 * A user pool's tags (the only resource Cognito tags). The tag operations take the pool's ARN;
 * the gateway's mutations take the pool id, as every other one does, and find the ARN in the
 * pool's description (DescribeUserPool, once per request).
 */

/** AWS's limit on tags per user pool (TagResource's reference). */
export const MAX_TAGS_PER_POOL = 50;

async function poolArn(ctx: GatewayContext, pool: UserPoolRecord): Promise<string> {
  const { arn } = await userPoolDetail(ctx, pool);
  if (!arn) throw new GatewayError('COGNITO_BAD_RESPONSE', `Cognito described pool ${pool.userPoolId} without its Arn.`);
  return arn;
}

export async function userPoolTags(ctx: GatewayContext, pool: UserPoolRecord): Promise<TagRecord[]> {
  return ctx.loaders.tags.load(await poolArn(ctx, pool));
}

/** Tag keys are AWS's: `aws:` (any case) is reserved for AWS's own tags. */
function checkTagKey(key: string, field: string): string {
  checkIdentifier('tagKey', key, field);
  if (key.toLowerCase().startsWith('aws:')) throw invalidInput(field, 'must not start with aws: (reserved for AWS)');
  return key;
}

function checkCount(count: number, field: string, what: string): void {
  if (count === 0) throw invalidInput(field, `name at least one ${what}`);
  if (count > MAX_TAGS_PER_POOL)
    throw invalidInput(field, `must hold at most ${MAX_TAGS_PER_POOL} ${what}s (a pool has at most ${MAX_TAGS_PER_POOL} tags)`);
}

function checkUnique(keys: readonly string[], field: string): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key)) throw invalidInput(`${field}[${index}]`, `${key} is given twice`);
    seen.add(key);
  });
}

/** Tags as Cognito takes them (a map), each key and value checked against AWS's limits. */
export function checkedTagMap(tags: readonly TagRecord[], field: string): Record<string, string> {
  checkCount(tags.length, field, 'tag');
  const Tags: Record<string, string> = {};
  tags.forEach(({ key, value }, index) => {
    checkTagKey(key, `${field}[${index}].key`);
    checkIdentifier('tagValue', value, `${field}[${index}].value`);
    if (Object.hasOwn(Tags, key)) throw invalidInput(`${field}[${index}].key`, `${key} is given twice`);
    Tags[key] = value;
  });
  return Tags;
}

export async function tagResource(ctx: GatewayContext, input: { userPoolId: string; tags: readonly TagRecord[] }) {
  const userPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const Tags = checkedTagMap(input.tags, 'input.tags');
  const pool = userPoolReference(userPoolId);
  await ctx.call('TagResource', { ResourceArn: await poolArn(ctx, pool), Tags });
  return { userPool: pool };
}

export async function untagResource(ctx: GatewayContext, input: { userPoolId: string; tagKeys: readonly string[] }) {
  const userPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  checkCount(input.tagKeys.length, 'input.tagKeys', 'tag key');
  input.tagKeys.forEach((key, index) => checkTagKey(key, `input.tagKeys[${index}]`));
  checkUnique(input.tagKeys, 'input.tagKeys');
  const pool = userPoolReference(userPoolId);
  await ctx.call('UntagResource', { ResourceArn: await poolArn(ctx, pool), TagKeys: [...input.tagKeys] });
  return { userPool: pool };
}

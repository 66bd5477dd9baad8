import {
  DescribeUserPoolCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type DescribeUserPoolResponse,
  type ListTagsForResourceResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedGateway, cognitoException } from '../support/scripted-cognito';

/**
 * A pool's tags over a scripted SDK: cognito-local 5.3.0 implements none of TagResource,
 * UntagResource and ListTagsForResource. The operations take the pool's ARN, which the gateway
 * reads from DescribeUserPool; scripted answers are typed with the SDK's own output types, and
 * each test asserts the exact input sent.
 */

const POOL = 'eu-west-1_Tagged1';
const ARN = `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL}`;

const describedPool = (arn: string | undefined = ARN): DescribeUserPoolResponse => ({
  UserPool: { Id: POOL, Name: 'tagged', ...(arn ? { Arn: arn } : {}) },
});

type Scripted = ReturnType<typeof scriptedGateway>;
let scripted: Scripted;

beforeEach(() => {
  scripted = scriptedGateway();
  scripted.cognito.on(DescribeUserPoolCommand).callsFake(() => describedPool());
});

const inputsOf = <Input>(command: { new (input: Input): unknown }) =>
  scripted.cognito.commandCalls(command as never).map((call) => (call.args[0] as { input: Input }).input);

const sent = () => scripted.cognito.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));

// ---------------------------------------------------------------------------------------------

describe('UserPool.tags: ListTagsForResource with the ARN of the pool’s description', () => {
  it('turns the map into a list in key order, with one DescribeUserPool and one ListTagsForResource', async () => {
    scripted.cognito.on(ListTagsForResourceCommand).resolves({
      Tags: { team: 'identity', Environment: 'Production', 'cost-centre': '4711', empty: '' },
    } satisfies ListTagsForResourceResponse);
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { arn tags { key value } same: tags { key } } }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.userPool.tags).toEqual([
      { key: 'Environment', value: 'Production' },
      { key: 'cost-centre', value: '4711' },
      { key: 'empty', value: '' },
      { key: 'team', value: 'identity' },
    ]);
    expect(inputsOf(ListTagsForResourceCommand)).toEqual([{ ResourceArn: ARN }]);
    expect(sent()).toEqual(['DescribeUserPool', 'ListTagsForResource']);
  });

  it('a pool without tags has an empty list (Cognito may leave the map out)', async () => {
    scripted.cognito.on(ListTagsForResourceCommand).resolves({});
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { tags { key } } }`);
    expect(result.data!.userPool.tags).toEqual([]);
  });

  it('a pool described without its ARN: COGNITO_BAD_RESPONSE, nothing made up', async () => {
    scripted.cognito.on(DescribeUserPoolCommand).resolves(describedPool(''));
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { userPoolId tags { key } } }`);
    expect(result.data!.userPool).toEqual({ userPoolId: POOL, tags: null });
    expect(result.errors!.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['userPool', 'tags'], 'COGNITO_BAD_RESPONSE'],
    ]);
    expect(inputsOf(ListTagsForResourceCommand)).toEqual([]);
  });
});

const TAG = `mutation ($input: TagResourceInput!) {
  tagResource(input: $input) {
    __typename
    ... on TagResourcePayload { userPool { userPoolId tags { key value } } }
    ... on InvalidInputError { field reason }
    ... on CognitoError { code }
  }
}`;
const UNTAG = `mutation ($input: UntagResourceInput!) {
  untagResource(input: $input) {
    __typename
    ... on UntagResourcePayload { userPool { userPoolId tags { key value } } }
    ... on InvalidInputError { field reason }
    ... on CognitoError { code }
  }
}`;

describe('tagResource and untagResource, by pool id', () => {
  it('tagResource sends the pool’s ARN and the tags as a map; the payload reads the tags afresh', async () => {
    scripted.cognito.on(TagResourceCommand).resolves({});
    scripted.cognito.on(ListTagsForResourceCommand).resolves({ Tags: { Environment: 'Test', team: 'identity' } });
    const result = await scripted.query(TAG, {
      input: {
        userPoolId: POOL,
        tags: [
          { key: 'Environment', value: 'Test' },
          { key: 'team', value: 'identity' },
        ],
      },
    });
    expect(result.data!.tagResource).toEqual({
      __typename: 'TagResourcePayload',
      userPool: {
        userPoolId: POOL,
        tags: [
          { key: 'Environment', value: 'Test' },
          { key: 'team', value: 'identity' },
        ],
      },
    });
    expect(inputsOf(TagResourceCommand)).toEqual([{ ResourceArn: ARN, Tags: { Environment: 'Test', team: 'identity' } }]);
    expect(sent().slice(0, 2)).toEqual(['DescribeUserPool', 'TagResource']);
    expect(sent()).toContain('ListTagsForResource');
  });

  it('untagResource sends the pool’s ARN and the keys', async () => {
    scripted.cognito.on(UntagResourceCommand).resolves({});
    scripted.cognito.on(ListTagsForResourceCommand).resolves({ Tags: {} });
    const result = await scripted.query(UNTAG, { input: { userPoolId: POOL, tagKeys: ['Environment', 'team'] } });
    expect(result.data!.untagResource).toEqual({ __typename: 'UntagResourcePayload', userPool: { userPoolId: POOL, tags: [] } });
    expect(inputsOf(UntagResourceCommand)).toEqual([{ ResourceArn: ARN, TagKeys: ['Environment', 'team'] }]);
  });

  const tags = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `key${i}`, value: `value${i}` }));

  it.each([
    [{ tags: [] }, 'input.tags'],
    [{ tags: tags(51) }, 'input.tags'],
    [{ tags: [{ key: '', value: 'x' }] }, 'input.tags[0].key'],
    [{ tags: [...tags(1), { key: 'k'.repeat(129), value: 'x' }] }, 'input.tags[1].key'],
    [{ tags: [{ key: 'semi;colon', value: 'x' }] }, 'input.tags[0].key'],
    [{ tags: [{ key: 'aws:cloudformation:stack-name', value: 'x' }] }, 'input.tags[0].key'],
    [{ tags: [{ key: 'AWS:Owner', value: 'x' }] }, 'input.tags[0].key'],
    [{ tags: [{ key: 'ok', value: 'v'.repeat(257) }] }, 'input.tags[0].value'],
    [{ tags: [{ key: 'ok', value: 'quote"d' }] }, 'input.tags[0].value'],
    [
      {
        tags: [
          { key: 'dup', value: '1' },
          { key: 'dup', value: '2' },
        ],
      },
      'input.tags[1].key',
    ],
    [{ userPoolId: 'no-underscore', tags: tags(1) }, 'input.userPoolId'],
  ])('tagResource refuses %j naming %s, before any call', async (part, field) => {
    const result = await scripted.query(TAG, { input: { userPoolId: POOL, ...part } });
    expect(result.data!.tagResource).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('tagResource takes AWS’s limits exactly: 50 tags, a 128-character key, a 256-character value, Unicode letters, spaces and _ . : / = + - @', async () => {
    scripted.cognito.on(TagResourceCommand).resolves({});
    scripted.cognito.on(ListTagsForResourceCommand).resolves({});
    const edge = [...tags(48), { key: 'k'.repeat(128), value: 'v'.repeat(256) }, { key: 'Équipe: a_b.c/d=e+f-g@h', value: '' }];
    const result = await scripted.query(TAG, { input: { userPoolId: POOL, tags: edge } });
    expect(result.data!.tagResource.__typename).toBe('TagResourcePayload');
    expect(Object.keys(inputsOf(TagResourceCommand)[0]!.Tags ?? {})).toHaveLength(50);
  });

  it.each([
    [{ tagKeys: [] }, 'input.tagKeys'],
    [{ tagKeys: tags(51).map((tag) => tag.key) }, 'input.tagKeys'],
    [{ tagKeys: ['ok', ''] }, 'input.tagKeys[1]'],
    [{ tagKeys: ['aws:reserved'] }, 'input.tagKeys[0]'],
    [{ tagKeys: ['a', 'b', 'a'] }, 'input.tagKeys[2]'],
  ])('untagResource refuses %j naming %s, before any call', async (part, field) => {
    const result = await scripted.query(UNTAG, { input: { userPoolId: POOL, ...part } });
    expect(result.data!.untagResource).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

describe('a tag write names its pool by ARN: only that pool’s cached descriptions are dropped', () => {
  it('with DESCRIPTION_CACHE_TTL_MS, tagging pool A makes A described again and leaves B’s description cached', async () => {
    const OTHER = 'eu-west-1_Tagged2';
    const cached = scriptedGateway({ descriptionCacheTtlMs: 60_000 });
    cached.cognito.on(DescribeUserPoolCommand).callsFake((input: { UserPoolId: string }) => ({
      UserPool: {
        Id: input.UserPoolId,
        Name: input.UserPoolId,
        Arn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${input.UserPoolId}`,
      },
    }));
    cached.cognito.on(TagResourceCommand).resolves({});
    const both = `{ a: userPool(userPoolId: "${POOL}") { name } b: userPool(userPoolId: "${OTHER}") { name } }`;
    const described = () =>
      cached.cognito.commandCalls(DescribeUserPoolCommand).map((call) => (call.args[0].input as { UserPoolId: string }).UserPoolId);

    await cached.query(both);
    expect(described()).toEqual([POOL, OTHER]);
    const tagged = await cached.query(
      `mutation { tagResource(input: { userPoolId: "${POOL}", tags: [{ key: "a", value: "b" }] }) { __typename } }`,
    );
    expect(tagged.data!.tagResource.__typename).toBe('TagResourcePayload');
    // The mutation found A's ARN in the cache: no DescribeUserPool for it.
    expect(described()).toEqual([POOL, OTHER]);
    await cached.query(both);
    expect(described()).toEqual([POOL, OTHER, POOL]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every exception each operation documents (its Command's @throws), and the code it is answered with
// ---------------------------------------------------------------------------------------------

const codeOf: Record<string, string> = {
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  InvalidParameterException: 'BAD_USER_INPUT',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  OperationNotEnabledException: 'OPERATION_NOT_ENABLED',
  ResourceNotFoundException: 'NOT_FOUND',
  TooManyRequestsException: 'THROTTLED',
};
const statusOf: Record<string, number> = { InternalErrorException: 500, TooManyRequestsException: 429 };
const documented = Object.keys(codeOf);

const cases = {
  TagResource: {
    command: TagResourceCommand,
    query: `mutation { tagResource(input: { userPoolId: "${POOL}", tags: [{ key: "a", value: "b" }] }) { __typename ... on CognitoError { code } } }`,
    field: 'tagResource',
  },
  UntagResource: {
    command: UntagResourceCommand,
    query: `mutation { untagResource(input: { userPoolId: "${POOL}", tagKeys: ["a"] }) { __typename ... on CognitoError { code } } }`,
    field: 'untagResource',
  },
  ListTagsForResource: {
    command: ListTagsForResourceCommand,
    query: `{ userPool(userPoolId: "${POOL}") { tags { key } } }`,
    field: 'userPool',
  },
};

describe.each(Object.entries(cases))('%s: every documented exception maps to its code', (_, spec) => {
  it.each(documented)('%s', async (exception) => {
    // One attempt, and a short deadline for a throttled call's wait: what is asserted is the mapping, not the retry policy.
    const mapped = scriptedGateway({ maxAttempts: 1, requestTimeoutMs: 300 });
    mapped.cognito.on(DescribeUserPoolCommand).callsFake(() => describedPool());
    mapped.cognito.on(spec.command as never).rejects(cognitoException(exception, statusOf[exception]));
    const result = await mapped.query(spec.query);
    const typed = result.data?.[spec.field] as { code?: string } | null | undefined;
    const codes = typed?.code ? [typed.code] : (result.errors ?? []).map((error) => error.extensions?.['code']);
    expect(codes, JSON.stringify(result)).toEqual([codeOf[exception]]);
  });
});

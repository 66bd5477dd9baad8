/**
 * The user pool a call acts on, for the per-pool quota cap and for dropping that pool's cached
 * descriptions after a write: its `UserPoolId`, or the pool its `ResourceArn` names (the tag
 * operations take a pool's ARN, `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`).
 * Undefined when the call names no pool.
 */
export function userPoolOfCall(input: unknown): string | undefined {
  const { UserPoolId, ResourceArn } = (input ?? {}) as { UserPoolId?: unknown; ResourceArn?: unknown };
  if (typeof UserPoolId === 'string') return UserPoolId;
  if (typeof ResourceArn === 'string') return /:userpool\/([\w-]+_[0-9a-zA-Z]+)$/.exec(ResourceArn)?.[1];
  return undefined;
}

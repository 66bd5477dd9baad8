import { describe, expect, it, vi } from 'vitest';
import { userPoolOfCall } from '../../src/cognito/call-pool';
import { QuotaPacer } from '../../src/cognito/pacing';

describe('the pool a call acts on (per-pool quota cap, cache invalidation)', () => {
  it('is the UserPoolId when the input has one', () => {
    expect(userPoolOfCall({ UserPoolId: 'eu-west-1_AbCdEf123', ClientId: 'c' })).toBe('eu-west-1_AbCdEf123');
  });

  it('is the pool a tag operation’s ResourceArn names', () => {
    expect(userPoolOfCall({ ResourceArn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123', TagKeys: ['a'] })).toBe(
      'eu-west-1_AbCdEf123',
    );
    // The embedded emulator's ARNs have the same shape.
    expect(userPoolOfCall({ ResourceArn: 'arn:aws:cognito-idp:local:local:userpool/local_5d8aZ1x0' })).toBe('local_5d8aZ1x0');
  });

  it('is undefined for a call that names no pool, or an ARN of something else', () => {
    expect(userPoolOfCall({ AccessToken: 't' })).toBeUndefined();
    expect(userPoolOfCall({ ResourceArn: 'arn:aws:iam::123456789012:role/Cognito' })).toBeUndefined();
    expect(userPoolOfCall(undefined)).toBeUndefined();
  });

  it('so TagResource on one pool meets its 5-per-second cap: the sixth call on that pool waits its turn, one on another pool does not', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const pacer = new QuotaPacer();
      const released: string[] = [];
      const arn = (pool: string) => ({ ResourceArn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${pool}` });
      const take = (label: string, pool: string) =>
        void pacer.acquire('TagResource', userPoolOfCall(arn(pool))).then(() => released.push(label));
      for (let i = 0; i < 6; i++) take(`a${i}`, 'eu-west-1_PoolA');
      take('b0', 'eu-west-1_PoolB');
      await vi.advanceTimersByTimeAsync(0);
      expect(released).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0']);
      await vi.advanceTimersByTimeAsync(1000);
      expect(released.at(-1)).toBe('a5');
    } finally {
      vi.useRealTimers();
    }
  });
});

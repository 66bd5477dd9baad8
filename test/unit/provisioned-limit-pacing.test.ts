import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuotaPacer } from '../../src/cognito/pacing';

/**
 * GetProvisionedLimit and UpdateProvisionedLimit share LimitManagement, 1 call per second per
 * account (the quotas page): the pacer lets the first through and holds the second for its turn.
 * On fake time (setTimeout and performance.now), so nothing here waits for real.
 */

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

const settle = () => vi.advanceTimersByTimeAsync(0);

function track(released: string[], label: string, promise: Promise<void>) {
  void promise.then(() => released.push(label));
}

describe('provisioned limits are paced at 1 call per second per account', () => {
  it('two quick calls (a read, then an update): the first at once, the second a second later, in the order asked', async () => {
    const pacer = new QuotaPacer();
    const released: string[] = [];
    track(released, 'get', pacer.acquire('GetProvisionedLimit', undefined));
    track(released, 'update', pacer.acquire('UpdateProvisionedLimit', undefined));
    await settle();
    expect(released).toEqual(['get']);
    expect(pacer.waiting()).toEqual({ LimitManagement: 1 });
    expect(pacer.currentRates()).toMatchObject({ LimitManagement: 1 });

    await vi.advanceTimersByTimeAsync(999);
    expect(released).toEqual(['get']);
    await vi.advanceTimersByTimeAsync(1);
    expect(released).toEqual(['get', 'update']);
    expect(pacer.waiting()).toEqual({});
  });

  it('a call of another category is not held behind them', async () => {
    const pacer = new QuotaPacer();
    const released: string[] = [];
    track(released, 'get', pacer.acquire('GetProvisionedLimit', undefined));
    track(released, 'get again', pacer.acquire('GetProvisionedLimit', undefined));
    track(released, 'certificate', pacer.acquire('GetSigningCertificate', 'eu-west-1_Pool1'));
    await settle();
    expect(released).toEqual(['get', 'certificate']);
  });

  it('the pacer refuses at once a call whose turn comes after the deadline, rather than wait', async () => {
    const pacer = new QuotaPacer();
    await pacer.acquire('GetProvisionedLimit', undefined);
    await expect(pacer.acquire('UpdateProvisionedLimit', undefined, undefined, performance.now() + 300)).rejects.toMatchObject({
      bucket: 'LimitManagement',
      ratePerSecond: 1,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { cachedCheck, Readiness } from '../../src/ops/readiness';

describe('readiness: named checks', () => {
  it('is ready when every check passes, and names the one that fails with its code or reason', async () => {
    const readiness = new Readiness();
    let storeUp = true;
    readiness.add('cognito', async () => {});
    readiness.add('sharedStore', async () => {
      if (!storeUp) throw Object.assign(new Error('connection refused'), { code: 'STORE_DOWN' });
    });
    expect(await readiness.report()).toEqual({ ready: true, status: 'ready', checks: { cognito: 'ok', sharedStore: 'ok' } });
    storeUp = false;
    expect(await readiness.report()).toEqual({ ready: false, status: 'not ready', checks: { cognito: 'ok', sharedStore: 'STORE_DOWN' } });
  });

  it('answers draining once shutdown begins, even with every check passing', async () => {
    const readiness = new Readiness();
    readiness.add('cognito', async () => {});
    readiness.startDraining();
    expect(await readiness.report()).toEqual({ ready: false, status: 'draining', checks: { cognito: 'ok' } });
  });

  it('refuses a second check of the same name', () => {
    const readiness = new Readiness();
    readiness.add('cognito', async () => {});
    expect(() => readiness.add('cognito', async () => {})).toThrow('registered twice');
  });
});

describe('a cached check', () => {
  it('runs once per time-to-live, whatever the number of probes, and probes during a run share it', async () => {
    let now = 0;
    let runs = 0;
    let failing = false;
    const check = cachedCheck(
      async () => {
        runs += 1;
        if (failing) throw new Error('down');
      },
      5_000,
      () => now,
    );
    await Promise.all([check(), check(), check()]);
    expect(runs).toBe(1);
    now = 4_999;
    failing = true;
    await check();
    expect(runs).toBe(1);
    now = 5_000;
    await expect(check()).rejects.toThrow('down');
    now = 6_000;
    await expect(check()).rejects.toThrow('down');
    expect(runs).toBe(2);
  });
});

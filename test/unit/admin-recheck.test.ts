import { describe, expect, it } from 'vitest';
import { AdminRecheck, type AdminStanding, type AdminStandingCheck } from '../../src/auth/admin-recheck';
import type { Caller } from '../../src/auth/caller';
import { ConfigError, loadConfig } from '../../src/config';
import { GatewayError } from '../../src/domain/gateway-error';
import { silentLogger } from '../../src/domain/logger';

const adminGroup = { userPoolId: 'eu-west-1_Pool1', name: 'admins' };

function tokenCaller(token: string, admin: boolean): Caller {
  return {
    kind: 'user',
    admin,
    accessToken: token,
    claims: {
      userPoolId: adminGroup.userPoolId,
      sub: `sub-of-${token}`,
      username: `user-${token}`,
      clientId: 'client1',
      groups: admin ? ['admins'] : [],
    },
  };
}

/** A check that answers `standing` and counts the callers it was asked about. */
function countingCheck(standing: AdminStanding = { kind: 'administrator' }) {
  const asked: string[] = [];
  const check: AdminStandingCheck = async (caller) => {
    asked.push(caller.accessToken);
    return standing;
  };
  return { check, asked };
}

function recheck(options: { windowMs?: number; authDisabled?: boolean; now?: () => number } = {}) {
  return new AdminRecheck({ windowMs: 60_000, adminGroup, authDisabled: false, logger: silentLogger, ...options });
}

describe('AdminRecheck', () => {
  it('asks nothing for callers whose rights do not come from a token’s groups', async () => {
    const { check, asked } = countingCheck();
    const rights = recheck();
    for (const caller of [
      { kind: 'anonymous', admin: false },
      { kind: 'service', admin: true },
      tokenCaller('plain', false),
    ] satisfies Caller[]) {
      expect(await rights.confirm(caller, check)).toBe(caller);
    }
    // The embedded demo with AUTH_DISABLED: everybody is an administrator anyway.
    const everybody = recheck({ authDisabled: true });
    await everybody.confirm(tokenCaller('admin', true), check);
    expect(asked).toEqual([]);
  });

  it('remembers each token’s standing for the window, separately per token', async () => {
    let now = 1_000;
    const { check, asked } = countingCheck();
    const rights = recheck({ now: () => now });
    await rights.confirm(tokenCaller('a', true), check);
    await rights.confirm(tokenCaller('a', true), check);
    await rights.confirm(tokenCaller('b', true), check);
    now += 60_001;
    await rights.confirm(tokenCaller('a', true), check);
    expect(asked).toEqual(['a', 'b', 'a']);
  });

  it('with a window of 0 asks on every request', async () => {
    const { check, asked } = countingCheck();
    const rights = recheck({ windowMs: 0 });
    await rights.confirm(tokenCaller('a', true), check);
    await rights.confirm(tokenCaller('a', true), check);
    expect(asked).toEqual(['a', 'a']);
  });

  it('downgrades a caller no longer in the group, and refuses a token Cognito no longer accepts', async () => {
    const downgraded = await recheck().confirm(tokenCaller('a', true), countingCheck({ kind: 'no-longer-administrator' }).check);
    expect(downgraded).toMatchObject({ kind: 'user', admin: false, accessToken: 'a' });
    const refused = recheck().confirm(
      tokenCaller('a', true),
      countingCheck({ kind: 'token-refused', answer: 'NotAuthorizedException' }).check,
    );
    await expect(refused).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('fails closed when Cognito could not tell, and asks again next time; a bug is not disguised as Cognito’s', async () => {
    const rights = recheck();
    let calls = 0;
    const flaky: AdminStandingCheck = async () => {
      calls += 1;
      if (calls === 1) throw new GatewayError('THROTTLED', 'Rate exceeded');
      return { kind: 'administrator' };
    };
    await expect(rights.confirm(tokenCaller('a', true), flaky)).rejects.toMatchObject({
      code: 'COGNITO_UNAVAILABLE',
      details: { recheckFailedWith: 'THROTTLED' },
    });
    expect(await rights.confirm(tokenCaller('a', true), flaky)).toMatchObject({ admin: true });
    expect(calls).toBe(2);

    const bug = new TypeError('x is undefined');
    await expect(
      recheck().confirm(tokenCaller('b', true), async () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});

describe('AUTH_RECHECK_SECONDS', () => {
  it('defaults to 60 and takes 0 to 3600', () => {
    expect(loadConfig({}).authRecheckSeconds).toBe(60);
    expect(loadConfig({ AUTH_RECHECK_SECONDS: '0' }).authRecheckSeconds).toBe(0);
  });

  it('stops start-up on a bad value, naming the variable', () => {
    for (const bad of ['-1', '3601', 'soon', '1.5']) {
      expect(() => loadConfig({ AUTH_RECHECK_SECONDS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ AUTH_RECHECK_SECONDS: bad })).toThrow(/AUTH_RECHECK_SECONDS: ".*" is not a whole number from 0 to 3600/);
    }
  });
});

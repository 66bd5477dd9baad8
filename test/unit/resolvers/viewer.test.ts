import type { GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { getViewer } from '../../../src/resolvers/viewer';
import { scriptedContext, userCaller } from '../../support/scripted-call';

const getUserAnswer: GetUserResponse = {
  Username: 'ada',
  UserAttributes: [
    { Name: 'sub', Value: 'sub-of-ada' },
    { Name: 'email', Value: 'ada@example.com' },
  ],
  PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
  UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
};

describe('getViewer', () => {
  it('reads GetUser with the caller’s access token, in the caller’s pool', async () => {
    const { ctx, calls } = scriptedContext({ GetUser: () => getUserAnswer }, { caller: userCaller({ userPoolId: 'eu-west-1_Pool2' }) });

    const viewer = await getViewer(ctx);

    expect(calls).toEqual([{ operation: 'GetUser', input: { AccessToken: 'token-of-ada' } }]);
    expect(viewer).toEqual({
      userPoolId: 'eu-west-1_Pool2',
      username: 'ada',
      attributes: [
        { name: 'sub', value: 'sub-of-ada' },
        { name: 'email', value: 'ada@example.com' },
      ],
      mfa: { preferredSetting: 'SOFTWARE_TOKEN_MFA', enabledSettings: ['SOFTWARE_TOKEN_MFA'] },
    });
  });

  it('reads nothing without a signed-in user', async () => {
    const { ctx, calls } = scriptedContext({ GetUser: () => getUserAnswer });

    await expect(getViewer(ctx)).rejects.toThrow(/without a verified access token/);
    expect(calls).toEqual([]);
  });
});

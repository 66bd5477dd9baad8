import { parseCodeDelivery, parseUserDetail } from '../cognito/parse';
import { invalidInput } from '../domain/gateway-error';
import { checkAttributes, checkIdentifier, type AttributeInput } from '../domain/identifiers';
import type { CodeDeliveryRecord, UserRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { signedInUser } from './signed-in';

/**
 * Self-service: the signed-in user's own account, always with the caller's own access token,
 * so Cognito itself makes sure nobody reaches another user's data.
 */
const signedIn = signedInUser;

export async function getViewer(ctx: GatewayContext): Promise<UserRecord> {
  const { AccessToken, userPoolId } = signedIn(ctx);
  return parseUserDetail(userPoolId, await ctx.call('GetUser', { AccessToken }));
}

export async function changePassword(ctx: GatewayContext, input: { previousPassword: string; proposedPassword: string }) {
  checkIdentifier('password', input.previousPassword, 'input.previousPassword');
  checkIdentifier('password', input.proposedPassword, 'input.proposedPassword');
  const { AccessToken } = signedIn(ctx);
  await ctx.call('ChangePassword', { AccessToken, PreviousPassword: input.previousPassword, ProposedPassword: input.proposedPassword });
  return { passwordChanged: true };
}

export async function updateUserAttributes(
  ctx: GatewayContext,
  input: { attributes: AttributeInput[] },
): Promise<{ codeDeliveries: (CodeDeliveryRecord | null)[] }> {
  if (input.attributes.length === 0) throw invalidInput('input.attributes', 'must name at least one attribute');
  const UserAttributes = checkAttributes(input.attributes, 'input.attributes');
  const { AccessToken } = signedIn(ctx);
  const output = await ctx.call('UpdateUserAttributes', { AccessToken, UserAttributes });
  return { codeDeliveries: (output.CodeDeliveryDetailsList ?? []).map(parseCodeDelivery) };
}

export async function deleteUserAttributes(ctx: GatewayContext, input: { names: string[] }) {
  if (input.names.length === 0) throw invalidInput('input.names', 'must name at least one attribute');
  input.names.forEach((name, index) => checkIdentifier('attributeName', name, `input.names[${index}]`));
  const { AccessToken } = signedIn(ctx);
  await ctx.call('DeleteUserAttributes', { AccessToken, UserAttributeNames: input.names });
  return { deletedAttributes: input.names };
}

export async function deleteUser(ctx: GatewayContext) {
  const { AccessToken, username } = signedIn(ctx);
  await ctx.call('DeleteUser', { AccessToken });
  return { deletedUsername: username };
}

export async function getUserAttributeVerificationCode(ctx: GatewayContext, input: { attributeName: string }) {
  checkIdentifier('attributeName', input.attributeName, 'input.attributeName');
  const { AccessToken } = signedIn(ctx);
  const output = await ctx.call('GetUserAttributeVerificationCode', { AccessToken, AttributeName: input.attributeName });
  return { codeDelivery: parseCodeDelivery(output.CodeDeliveryDetails) };
}

export async function verifyUserAttribute(ctx: GatewayContext, input: { attributeName: string; code: string }) {
  checkIdentifier('attributeName', input.attributeName, 'input.attributeName');
  checkIdentifier('confirmationCode', input.code, 'input.code');
  const { AccessToken } = signedIn(ctx);
  await ctx.call('VerifyUserAttribute', { AccessToken, AttributeName: input.attributeName, Code: input.code });
  return { verifiedAttribute: input.attributeName };
}

export async function globalSignOut(ctx: GatewayContext) {
  const { AccessToken } = signedIn(ctx);
  await ctx.call('GlobalSignOut', { AccessToken });
  return { signedOut: true };
}

export async function setUserSettings(
  ctx: GatewayContext,
  input: { mfaOptions: { deliveryMedium: 'SMS' | 'EMAIL'; attributeName: string }[] },
) {
  input.mfaOptions.forEach((option, index) =>
    checkIdentifier('attributeName', option.attributeName, `input.mfaOptions[${index}].attributeName`),
  );
  const { AccessToken } = signedIn(ctx);
  await ctx.call('SetUserSettings', {
    AccessToken,
    MFAOptions: input.mfaOptions.map((option) => ({ DeliveryMedium: option.deliveryMedium, AttributeName: option.attributeName })),
  });
  return { mfaOptionsSet: input.mfaOptions.length };
}

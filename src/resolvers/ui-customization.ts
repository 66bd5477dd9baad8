import { parseUICustomization } from '../cognito/parse';
import { MAX_LOGO_BYTES, readCurrentLogo } from '../cognito/ui-logo';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { UICustomizationRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { base64Length, decodeImage } from './images';

/** What Cognito calls the pool's own customization, used by every app client without one of its own. */
const WHOLE_POOL = 'ALL';
/** SetUICustomization's CSS: at most 131,072 characters (API reference). */
export const MAX_CSS_LENGTH = 131_072;
/** A SetUICustomization request must not exceed 135 KB, logo (as base64) and CSS together (developer guide). */
export const MAX_UI_REQUEST_BYTES = 135 * 1024;

/**
 * The classic hosted UI's customization (GetUICustomization): the pool's (ClientId ALL), or an app
 * client's. A client without settings of its own is shown the pool's, as Cognito answers it:
 * `clientId` is then null.
 */
export async function getUICustomization(
  ctx: GatewayContext,
  scope: { userPoolId: string; clientId?: string },
): Promise<UICustomizationRecord> {
  const UserPoolId = checkIdentifier('userPoolId', scope.userPoolId);
  const ClientId = scope.clientId === undefined ? WHOLE_POOL : checkIdentifier('clientId', scope.clientId);
  const output = await ctx.call('GetUICustomization', { UserPoolId, ClientId });
  return parseUICustomization(UserPoolId, output.UICustomization);
}

export interface SetUICustomizationInput {
  userPoolId: string;
  /** An app client's own settings; absent for the pool's (every client without its own). */
  clientId?: string | null;
  css?: string | null;
  /** The logo, base64 (PNG or JPEG). */
  imageFile?: string | null;
  removeCss?: boolean | null;
  removeImage?: boolean | null;
}

/**
 * Sets the classic hosted UI's CSS and logo. Cognito takes both in one request and drops what it
 * is not sent, so the gateway reads the current settings first (GetUICustomization) and sends
 * back the CSS or logo the input leaves out: the logo read back from the URL Cognito serves it
 * at. `removeCss` and `removeImage` drop one on purpose.
 */
export async function setUICustomization(ctx: GatewayContext, input: SetUICustomizationInput): Promise<UICustomizationRecord> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = input.clientId == null ? WHOLE_POOL : checkIdentifier('clientId', input.clientId, 'input.clientId');
  if (input.css != null && input.removeCss) throw invalidInput('input.removeCss', 'cannot be given with input.css');
  if (input.imageFile != null && input.removeImage) throw invalidInput('input.removeImage', 'cannot be given with input.imageFile');
  if (input.css != null && input.css.length > MAX_CSS_LENGTH) {
    throw invalidInput('input.css', `must be at most ${MAX_CSS_LENGTH} characters`);
  }
  const sentImage = input.imageFile == null ? undefined : logoOf(input.imageFile);

  const keepCss = input.css == null && !input.removeCss;
  const keepImage = sentImage === undefined && !input.removeImage;
  let current: UICustomizationRecord | undefined;
  if (keepCss || keepImage)
    current = await getUICustomization(ctx, { userPoolId: UserPoolId, ...(ClientId === WHOLE_POOL ? {} : { clientId: ClientId }) });
  const CSS = keepCss ? current?.css : (input.css ?? undefined);
  const ImageFile = keepImage && current?.imageUrl ? await readCurrentLogo(current.imageUrl) : sentImage;

  const size = (CSS === undefined ? 0 : Buffer.byteLength(CSS)) + (ImageFile ? base64Length(ImageFile.byteLength) : 0);
  if (size > MAX_UI_REQUEST_BYTES) {
    throw invalidInput(
      input.css != null ? 'input.css' : 'input.imageFile',
      `CSS and logo (as base64) come to ${size} bytes, over the ${MAX_UI_REQUEST_BYTES} bytes Cognito takes in one request`,
    );
  }
  const output = await ctx.call('SetUICustomization', {
    UserPoolId,
    ClientId,
    ...(CSS !== undefined ? { CSS } : {}),
    ...(ImageFile ? { ImageFile } : {}),
  });
  return parseUICustomization(UserPoolId, output.UICustomization);
}

/** PNG or JPEG (the classic hosted UI's formats), known by their first bytes, up to 100 KB. */
function logoOf(base64: string): Uint8Array {
  const bytes = decodeImage(base64, 'input.imageFile', MAX_LOGO_BYTES);
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) throw invalidInput('input.imageFile', 'must be a PNG or JPEG image');
  return bytes;
}

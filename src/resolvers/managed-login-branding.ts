import type {
  AssetCategoryType,
  AssetExtensionType,
  AssetType,
  ColorSchemeModeType,
  CreateManagedLoginBrandingRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import { parseManagedLoginBranding } from '../cognito/parse';
import { GatewayError, invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { ManagedLoginBrandingRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { base64Length, decodeImage } from './images';
import { nullIfNotFound } from './lookup';

/** AssetType.Bytes: at most 1,000,000 bytes an image (API reference). */
export const MAX_ASSET_BYTES = 1_000_000;
/** ManagedLoginBrandingType.Assets: at most 40 images a style. */
export const MAX_ASSETS = 40;
/**
 * Create and update requests are limited to 2 MB (settings and images together, the API
 * reference); a larger style is sent in several updates, which keep what they are not sent.
 */
export const MAX_BRANDING_REQUEST_BYTES = 2_000_000;

/** The SDK's JSON document type: what Settings is. */
type SettingsDocument = NonNullable<CreateManagedLoginBrandingRequest['Settings']>;

/** A branding style by id (DescribeManagedLoginBranding); null when there is none. */
export async function describeManagedLoginBranding(
  ctx: GatewayContext,
  key: { userPoolId: string; managedLoginBrandingId: string; returnMergedResources?: boolean | null },
): Promise<ManagedLoginBrandingRecord | null> {
  const UserPoolId = checkIdentifier('userPoolId', key.userPoolId);
  const ManagedLoginBrandingId = checkIdentifier('managedLoginBrandingId', key.managedLoginBrandingId, 'id');
  const output = await nullIfNotFound(
    ctx.call('DescribeManagedLoginBranding', {
      UserPoolId,
      ManagedLoginBrandingId,
      ...(key.returnMergedResources != null ? { ReturnMergedResources: key.returnMergedResources } : {}),
    }),
  );
  return output?.ManagedLoginBranding ? parseManagedLoginBranding(UserPoolId, output.ManagedLoginBranding) : null;
}

/** The branding style of an app client (DescribeManagedLoginBrandingByClient); null when it has none. */
export async function describeManagedLoginBrandingByClient(
  ctx: GatewayContext,
  scope: { userPoolId: string; clientId: string; returnMergedResources?: boolean | null },
): Promise<ManagedLoginBrandingRecord | null> {
  const UserPoolId = checkIdentifier('userPoolId', scope.userPoolId);
  const ClientId = checkIdentifier('clientId', scope.clientId);
  const output = await nullIfNotFound(
    ctx.call('DescribeManagedLoginBrandingByClient', {
      UserPoolId,
      ClientId,
      ...(scope.returnMergedResources != null ? { ReturnMergedResources: scope.returnMergedResources } : {}),
    }),
  );
  return output?.ManagedLoginBranding ? parseManagedLoginBranding(UserPoolId, output.ManagedLoginBranding) : null;
}

export interface BrandingAssetInput {
  category: AssetCategoryType;
  colorMode: ColorSchemeModeType;
  extension: AssetExtensionType;
  /** The image, base64. */
  bytes: string;
}

export interface CreateManagedLoginBrandingInput {
  userPoolId: string;
  clientId: string;
  useCognitoProvidedValues?: boolean | null;
  settings?: Record<string, unknown> | null;
  assets?: BrandingAssetInput[] | null;
}

export async function createManagedLoginBranding(
  ctx: GatewayContext,
  input: CreateManagedLoginBrandingInput,
): Promise<{ managedLoginBranding: ManagedLoginBrandingRecord }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  const Assets = input.assets ? assetsOf(input.assets, 'input.assets') : undefined;
  checkCognitoProvidedValues(input);
  const request = {
    UserPoolId,
    ClientId,
    ...(input.useCognitoProvidedValues != null ? { UseCognitoProvidedValues: input.useCognitoProvidedValues } : {}),
    ...(input.settings ? { Settings: input.settings as SettingsDocument } : {}),
    ...(Assets ? { Assets } : {}),
  };
  checkRequestSize(request.Settings, Assets ?? []);
  const output = await ctx.call('CreateManagedLoginBranding', request);
  return { managedLoginBranding: answered(UserPoolId, output.ManagedLoginBranding, 'CreateManagedLoginBranding') };
}

export interface UpdateManagedLoginBrandingInput {
  userPoolId: string;
  managedLoginBrandingId: string;
  useCognitoProvidedValues?: boolean | null;
  /** A JSON merge patch (RFC 7396) on the current settings: null deletes a key, objects merge, everything else replaces. */
  settings?: Record<string, unknown> | null;
  /** Images to add or replace, by category and colour mode; the others are kept. */
  assets?: BrandingAssetInput[] | null;
  /** Images to remove, by category and colour mode. */
  removeAssets?: { category: AssetCategoryType; colorMode: ColorSchemeModeType }[] | null;
}

/**
 * Changes only what the input names: the style is read as stored (DescribeManagedLoginBranding,
 * without Cognito's defaults merged in) and sent back with the changes on top: settings patched,
 * images replaced by category and colour mode. Choosing Cognito's own values
 * (useCognitoProvidedValues) takes neither settings nor images.
 */
export async function updateManagedLoginBranding(
  ctx: GatewayContext,
  input: UpdateManagedLoginBrandingInput,
): Promise<{ managedLoginBranding: ManagedLoginBrandingRecord }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ManagedLoginBrandingId = checkIdentifier('managedLoginBrandingId', input.managedLoginBrandingId, 'input.managedLoginBrandingId');
  const added = input.assets ? assetsOf(input.assets, 'input.assets') : [];
  const removed = new Set((input.removeAssets ?? []).map(assetSlot));
  const both = added.find((asset) => removed.has(assetSlot({ category: asset.Category!, colorMode: asset.ColorMode! })));
  if (both) throw invalidInput('input.removeAssets', `${both.Category} ${both.ColorMode} is also given in input.assets`);
  checkCognitoProvidedValues({ ...input, assets: input.assets?.length || removed.size ? (input.assets ?? []) : null });

  if (input.useCognitoProvidedValues === true) {
    const output = await ctx.call('UpdateManagedLoginBranding', { UserPoolId, ManagedLoginBrandingId, UseCognitoProvidedValues: true });
    return { managedLoginBranding: answered(UserPoolId, output.ManagedLoginBranding, 'UpdateManagedLoginBranding') };
  }

  const read = await ctx.call('DescribeManagedLoginBranding', { UserPoolId, ManagedLoginBrandingId, ReturnMergedResources: false });
  const current = read.ManagedLoginBranding;
  if (!current)
    throw new GatewayError('COGNITO_BAD_RESPONSE', 'Cognito described the branding style without it.', {
      operation: 'DescribeManagedLoginBranding',
    });
  const addedSlots = new Set(added.map((asset) => assetSlot({ category: asset.Category!, colorMode: asset.ColorMode! })));
  const kept = (current.Assets ?? []).filter((asset) => {
    const slot = assetSlot({ category: asset.Category!, colorMode: asset.ColorMode! });
    return !addedSlots.has(slot) && !removed.has(slot);
  });
  const Assets = [...kept, ...added];
  if (Assets.length > MAX_ASSETS)
    throw invalidInput('input.assets', `would leave ${Assets.length} images; a style holds at most ${MAX_ASSETS}`);
  const changesValues = input.settings != null || added.length > 0 || removed.size > 0;
  const useCognitoProvidedValues = input.useCognitoProvidedValues ?? (changesValues ? false : (current.UseCognitoProvidedValues ?? false));
  const Settings = (input.settings ? mergePatch(current.Settings ?? {}, input.settings) : current.Settings) as SettingsDocument | undefined;
  checkRequestSize(Settings, Assets);
  const output = await ctx.call('UpdateManagedLoginBranding', {
    UserPoolId,
    ManagedLoginBrandingId,
    UseCognitoProvidedValues: useCognitoProvidedValues,
    ...(useCognitoProvidedValues ? {} : { ...(Settings !== undefined ? { Settings } : {}), Assets }),
  });
  return { managedLoginBranding: answered(UserPoolId, output.ManagedLoginBranding, 'UpdateManagedLoginBranding') };
}

export async function deleteManagedLoginBranding(
  ctx: GatewayContext,
  input: { userPoolId: string; managedLoginBrandingId: string },
): Promise<{ userPoolId: string; deletedManagedLoginBrandingId: string }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ManagedLoginBrandingId = checkIdentifier('managedLoginBrandingId', input.managedLoginBrandingId, 'input.managedLoginBrandingId');
  await ctx.call('DeleteManagedLoginBranding', { UserPoolId, ManagedLoginBrandingId });
  return { userPoolId: UserPoolId, deletedManagedLoginBrandingId: ManagedLoginBrandingId };
}

/** Cognito's own values replace the style's: a request choosing them takes no settings or images (API reference). */
function checkCognitoProvidedValues(input: { useCognitoProvidedValues?: boolean | null; settings?: unknown; assets?: unknown[] | null }) {
  if (input.useCognitoProvidedValues !== true) return;
  if (input.settings != null) throw invalidInput('input.settings', 'must be left out with useCognitoProvidedValues: true');
  if (input.assets != null) throw invalidInput('input.assets', 'must be left out with useCognitoProvidedValues: true');
}

function assetsOf(assets: BrandingAssetInput[], field: string): AssetType[] {
  if (assets.length > MAX_ASSETS) throw invalidInput(field, `must hold at most ${MAX_ASSETS} images`);
  const slots = new Set<string>();
  return assets.map((asset, index) => {
    const slot = assetSlot(asset);
    if (slots.has(slot)) throw invalidInput(`${field}[${index}]`, `${asset.category} ${asset.colorMode} is given twice`);
    slots.add(slot);
    return {
      Category: asset.category,
      ColorMode: asset.colorMode,
      Extension: asset.extension,
      Bytes: decodeImage(asset.bytes, `${field}[${index}].bytes`, MAX_ASSET_BYTES),
    };
  });
}

/** An image's place in a style: one image per category and colour mode. */
function assetSlot(asset: { category: string; colorMode: string }): string {
  return `${asset.category}/${asset.colorMode}`;
}

/** Settings as JSON and images as base64: the size of the request Cognito receives, before it is sent. */
function checkRequestSize(settings: unknown, assets: AssetType[]): void {
  const settingsBytes = settings === undefined ? 0 : Buffer.byteLength(JSON.stringify(settings));
  const assetBytes = assets.reduce((sum, asset) => sum + base64Length(asset.Bytes?.byteLength ?? 0), 0);
  if (settingsBytes + assetBytes > MAX_BRANDING_REQUEST_BYTES) {
    throw invalidInput(
      'input.assets',
      `the style would be ${settingsBytes + assetBytes} bytes (settings as JSON, images as base64), over Cognito's ${MAX_BRANDING_REQUEST_BYTES}-byte request limit; send fewer or smaller images`,
    );
  }
}

/** RFC 7396 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const merged: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = mergePatch(merged[key], value);
  }
  return merged;
}

function answered(
  userPoolId: string,
  branding: Parameters<typeof parseManagedLoginBranding>[1] | undefined,
  operation: string,
): ManagedLoginBrandingRecord {
  if (!branding) throw new GatewayError('COGNITO_BAD_RESPONSE', `Cognito answered ${operation} without the branding style.`, { operation });
  return parseManagedLoginBranding(userPoolId, branding);
}

import { GatewayError } from '../domain/gateway-error';

/** The classic hosted UI's logo: at most 100 KB (Cognito developer guide, hosted UI (classic) branding). */
export const MAX_LOGO_BYTES = 100 * 1024;

/** Where Cognito serves hosted UI logos from (GetUICustomization's ImageUrl): its CDN. */
const LOGO_HOSTS = [/\.cloudfront\.net$/i, /\.amazoncognito\.com$/i];

const FETCH_TIMEOUT_MS = 5_000;

/**
 * Reads back the current logo of a hosted UI customization from the ImageUrl Cognito gave, so a
 * SetUICustomization that changes only the CSS can send it again: Cognito sets CSS and logo
 * together and drops a logo it is not sent. Only an https URL on Cognito's CDN is fetched (the
 * URL comes from Cognito, but the gateway fetches nothing else), with a timeout and the logo's
 * documented size as the most it reads.
 */
export async function readCurrentLogo(imageUrl: string, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  let url: URL;
  try {
    url = new URL(imageUrl);
  } catch {
    throw notReadable(imageUrl, 'it is not a URL');
  }
  if (url.protocol !== 'https:' || !LOGO_HOSTS.some((host) => host.test(url.hostname))) {
    throw notReadable(imageUrl, 'it is not on Cognito’s CDN');
  }
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw notReadable(imageUrl, `it could not be fetched (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) throw notReadable(imageUrl, `the CDN answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_LOGO_BYTES) throw notReadable(imageUrl, `it is over ${MAX_LOGO_BYTES} bytes`);
  return bytes;
}

function notReadable(imageUrl: string, reason: string): GatewayError {
  return new GatewayError(
    'BAD_USER_INPUT',
    `The current logo (${imageUrl}) could not be read back to keep it, because ${reason}: send input.imageFile again, or removeImage: true.`,
    {
      field: 'input.imageFile',
      details: { reason: `the current logo could not be read back to keep it (${reason}); send it again, or removeImage: true` },
    },
  );
}

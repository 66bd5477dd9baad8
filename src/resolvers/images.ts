import { invalidInput } from '../domain/gateway-error';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * An image sent as base64 text (what GraphQL can carry), decoded and checked against the size
 * Cognito documents for it, so an image Cognito would refuse is refused first, naming the field.
 * A base64 text of n characters holds about 3n/4 bytes: the HTTP body limit (MAX_BODY_BYTES)
 * caps what can arrive at all, and the reason says so when the two meet.
 */
export function decodeImage(base64: string, field: string, maxBytes: number): Uint8Array {
  const text = base64.replace(/\s+/g, '');
  if (text.length === 0) throw invalidInput(field, 'must not be empty');
  if (!BASE64.test(text)) throw invalidInput(field, 'is not base64 (standard alphabet, padded with =)');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength > maxBytes) {
    throw invalidInput(field, `is ${bytes.byteLength} bytes; Cognito takes at most ${maxBytes} bytes for this image`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The base64 length of `bytes` bytes: what an image adds to the JSON request Cognito receives. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

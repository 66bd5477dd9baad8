/**
 * Where a code went, masked as Amazon Cognito masks it: an email keeps the first character of
 * each side of the `@` (`a***@e***`), a phone number its last four digits (`+*******1234`).
 * Cognito masks its own answers already; the emulator does not, and the gateway fabricates
 * deliveries for users that do not exist (src/resolvers/user-existence.ts), so every destination
 * it returns goes through here. Masking a masked destination changes nothing.
 */
export function maskDestination(destination: string): string {
  const at = destination.lastIndexOf('@');
  if (at >= 0) return `${keepFirst(destination.slice(0, at))}@${keepFirst(destination.slice(at + 1))}`;
  if (/^\+[\d*]+$/.test(destination)) {
    const digits = destination.slice(1);
    const shown = Math.min(4, Math.max(0, digits.length - 4));
    return `+${'*'.repeat(digits.length - shown)}${digits.slice(digits.length - shown)}`;
  }
  return keepFirst(destination);
}

/** The first character (a whole code point, not half of a surrogate pair), then `***`. */
function keepFirst(text: string): string {
  const [first] = text;
  return first === undefined || first === '*' ? '***' : `${first}***`;
}

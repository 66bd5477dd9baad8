import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cognito's side of SRP (SRP-6a with Cognito's conventions), written from the protocol for tests
 * only, sharing no code with the library the gateway uses: a user's salt and verifier from a
 * known password, the server value B, and the PASSWORD_CLAIM_SIGNATURE Cognito expects. A claim
 * the gateway computed wrongly fails `check`, as Cognito would refuse it.
 *
 * Conventions (as Cognito's own client SDKs use them): the 3072-bit group of RFC 5054 with g = 2;
 * numbers are hashed as "padded hex" (even length, a leading 00 when the top bit is set);
 * k = H(N | g); x = H(salt | H(poolName | userId | ":" | password)); u = H(A | B); the key is
 * HKDF-SHA256(ikm = S, salt = u, info = "Caldera Derived Key", 16 bytes); the signature is
 * Base64(HMAC-SHA256(key, poolName | userId | SECRET_BLOCK bytes | TIMESTAMP)). For a device,
 * poolName is the device group key and userId the device key.
 */

const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const G = 2n;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hashOfHex = (hex: string) => BigInt(`0x${sha256Hex(Buffer.from(hex, 'hex'))}`);
const K = hashOfHex(padHex(N) + padHex(G));

/** A salt and verifier for an identity (poolName|userId, or deviceGroupKey|deviceKey) and password. */
export function makeVerifier(prefix: string, id: string, password: string, salt = BigInt(`0x${randomBytes(16).toString('hex')}`)) {
  const x = hashOfHex(padHex(salt) + sha256Hex(`${prefix}${id}:${password}`));
  return { salt, verifier: modPow(G, x, N) };
}

/** ConfirmDevice's DeviceSecretVerifierConfig, decoded: Base64 of the padded-hex bytes. */
export function decodeDeviceVerifier(config: { PasswordVerifier?: string; Salt?: string }) {
  const fromBase64 = (value: string | undefined) => BigInt(`0x${Buffer.from(value ?? '', 'base64').toString('hex') || '0'}`);
  return { salt: fromBase64(config.Salt), verifier: fromBase64(config.PasswordVerifier) };
}

/** What the claim must carry, besides a right signature. */
const TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9]\d? \d{2}:\d{2}:\d{2} UTC \d{4}$/;

/** One SRP exchange as Cognito runs it: the challenge parameters it sends, and the check of the claim that answers them. */
export class SrpExchange {
  readonly srpB: string;
  readonly secretBlock = randomBytes(64).toString('base64');
  private readonly key: Buffer;

  constructor(
    /** poolName for a user, the device group key for a device. */
    private readonly prefix: string,
    /** USER_ID_FOR_SRP for a user, the device key for a device. */
    private readonly id: string,
    private readonly stored: { salt: bigint; verifier: bigint },
    srpA: string,
  ) {
    const A = BigInt(`0x${srpA}`);
    if (A % N === 0n) throw new Error('SRP_A is zero modulo N');
    const b = BigInt(`0x${randomBytes(32).toString('hex')}`);
    const B = (K * stored.verifier + modPow(G, b, N)) % N;
    this.srpB = B.toString(16);
    const u = hashOfHex(padHex(A) + padHex(B));
    const S = modPow(A * modPow(stored.verifier, u, N), b, N);
    const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
      .update(Buffer.from(padHex(S), 'hex'))
      .digest();
    this.key = createHmac('sha256', prk)
      .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
      .digest()
      .subarray(0, 16);
  }

  get salt(): string {
    return this.stored.salt.toString(16);
  }

  /** The signature Cognito expects for this TIMESTAMP. */
  expectedSignature(timestamp: string): string {
    const message = Buffer.concat([
      Buffer.from(this.prefix, 'utf8'),
      Buffer.from(this.id, 'utf8'),
      Buffer.from(this.secretBlock, 'base64'),
      Buffer.from(timestamp, 'utf8'),
    ]);
    return createHmac('sha256', this.key).update(message).digest('base64');
  }

  /** Why Cognito would refuse this claim, or undefined when it would accept it. */
  refusal(responses: Record<string, string | undefined>): string | undefined {
    const { TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature, PASSWORD_CLAIM_SECRET_BLOCK: block } = responses;
    if (block !== this.secretBlock) return 'PASSWORD_CLAIM_SECRET_BLOCK is not the SECRET_BLOCK sent';
    if (!timestamp || !TIMESTAMP.test(timestamp)) return `TIMESTAMP ${String(timestamp)} is not in Cognito's format`;
    const expected = Buffer.from(this.expectedSignature(timestamp), 'base64');
    const given = Buffer.from(signature ?? '', 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'PASSWORD_CLAIM_SIGNATURE does not match';
    return undefined;
  }
}

/** A pool's SRP records: users by USER_ID_FOR_SRP, devices by key (as ConfirmDevice stored them). */
export class CognitoSrpServer {
  private readonly users = new Map<string, { salt: bigint; verifier: bigint }>();
  private readonly devices = new Map<string, { groupKey: string; salt: bigint; verifier: bigint }>();
  readonly poolName: string;

  constructor(readonly userPoolId: string) {
    this.poolName = userPoolId.split('_')[1]!;
  }

  addUser(userIdForSrp: string, password: string): void {
    this.users.set(userIdForSrp, makeVerifier(this.poolName, userIdForSrp, password));
  }

  hasUser(userIdForSrp: string): boolean {
    return this.users.has(userIdForSrp);
  }

  /** The PASSWORD_VERIFIER exchange for a user and the client's SRP_A. */
  passwordVerifier(userIdForSrp: string, srpA: string): SrpExchange {
    const user = this.users.get(userIdForSrp);
    if (!user) throw new Error(`no SRP record for ${userIdForSrp}`);
    return new SrpExchange(this.poolName, userIdForSrp, user, srpA);
  }

  /** Stores a device as ConfirmDevice does, from its DeviceSecretVerifierConfig. */
  confirmDevice(groupKey: string, key: string, config: { PasswordVerifier?: string; Salt?: string }): void {
    this.devices.set(key, { groupKey, ...decodeDeviceVerifier(config) });
  }

  hasDevice(key: string): boolean {
    return this.devices.has(key);
  }

  /** The DEVICE_PASSWORD_VERIFIER exchange for a device and the client's SRP_A. */
  devicePasswordVerifier(key: string, srpA: string): SrpExchange {
    const device = this.devices.get(key);
    if (!device) throw new Error(`no device ${key}`);
    return new SrpExchange(device.groupKey, key, device, srpA);
  }

  /** Whether a device's stored verifier was made from this password (ConfirmDevice's input checked). */
  deviceVerifierMatches(key: string, password: string): boolean {
    const device = this.devices.get(key);
    if (!device) return false;
    return makeVerifier(device.groupKey, key, password, device.salt).verifier === device.verifier;
  }
}

/**
 * The "mailbox" of a cognito-local started by the tests: the emulator sends no mail, it prints
 * every code it would deliver in a box on its log, such as
 *
 *   [1795691112669] INFO: 6bb22cbf SignUp ╭────────────────────────────────────╮
 *   │   Confirmation Code Delivery       │
 *   │   Username:    alice               │
 *   │   Destination: alice@example.com   │
 *   │   Code:        037450              │
 *   ╰────────────────────────────────────╯ {"reqId":"6bb22cbf","target":"SignUp"}
 *
 * Pass `mailbox.onLine` to `startCognitoLocal`, then `mailbox.connect(local.endpoint)`;
 * `codeFor(username)` reads the codes back.
 *
 * Why `connect`: cognito-local 5.3.0 logs through pino-pretty → sonic-boom 2.8.0, which counts
 * what it has buffered in characters but subtracts what it wrote in bytes. Every box (drawn with
 * multi-byte `╭─│╰`) leaves its count below zero, and output then stays buffered until enough
 * further characters arrive: a code can sit unprinted for as long as the emulator stays quiet.
 * While waiting for a code, the mailbox makes the emulator log a long plain-ASCII line (a request
 * for an unknown target, which it logs with the target's name), which pushes the buffer out.
 */

export interface Delivery {
  /** Position in the mailbox: 0 for the first code the emulator printed. */
  index: number;
  username: string;
  code: string;
  destination?: string;
  /** The operation that sent it (SignUp, ForgotPassword, UpdateUserAttributes, ...) when printed. */
  purpose?: string;
}

export interface CodeForOptions {
  /** Only codes printed after this mark (from `mark()`), so an older code is never taken for a new one. */
  since?: number;
  /** Only codes sent by this operation (SignUp, ForgotPassword, GetUserAttributeVerificationCode, ...). */
  purpose?: string;
  /** How long to wait for the emulator to print it; the default is 5 s. */
  timeoutMs?: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;
/** "│   Username:    alice   │" → alice. */
const FIELD = /^\s*│?\s*(Username|Destination|Code):\s+(\S+)\s*│?\s*$/;
/** The box's first line carries the target: "<reqId> SignUp ╭───". */
const BOX_START = /(?:^|\s)([A-Za-z]+)\s+╭/;
const POLL_MS = 20;
/** Polls between two flushes while a code is awaited. */
const POLLS_PER_FLUSH = 2;
/** The fake target the flush request names; its log line is dropped from `lines`. */
const FLUSH_TARGET = 'MailboxFlushesTheEmulatorLog';
/** Plain ASCII the emulator echoes into its log: enough to cover several boxes' shortfall. */
const FLUSH_PADDING = '_'.repeat(8_000);

export class EmulatorMailbox {
  /** Every line the emulator printed, without colours. */
  readonly lines: string[] = [];
  readonly deliveries: Delivery[] = [];
  private pending: Partial<Omit<Delivery, 'index'>> = {};
  private endpoint: string | undefined;

  /** Give this to `startCognitoLocal({ onLine })`. */
  readonly onLine = (raw: string): void => {
    if (raw.includes(FLUSH_TARGET)) return;
    const line = raw.replace(ANSI, '');
    this.lines.push(line);
    if (line.includes('╭')) {
      const purpose = BOX_START.exec(line)?.[1];
      this.pending = purpose ? { purpose } : {};
      return;
    }
    const field = FIELD.exec(line);
    if (field) {
      const [, name, value] = field;
      if (name === 'Username') this.pending.username = value;
      else if (name === 'Destination') this.pending.destination = value;
      else if (name === 'Code') this.pending.code = value;
    }
    // The box ends with ╰; the Code line is the last field, so a delivery is complete either way.
    if (line.includes('╰') || (field?.[1] === 'Code' && this.pending.username)) this.flush();
  };

  /** The emulator's endpoint, so that waiting for a code can make it flush its log (see above). */
  connect(endpoint: string): this {
    this.endpoint = endpoint;
    return this;
  }

  /** The current position: pass it as `since` to wait for a code printed after this point. */
  mark(): number {
    return this.deliveries.length;
  }

  /** Every code printed so far (for checking that none of them leaked anywhere). */
  allCodes(): string[] {
    return this.deliveries.map((d) => d.code);
  }

  /**
   * The latest code printed for `username` (after `since`, by `purpose`); waits for it briefly
   * since the emulator's log can arrive after its HTTP answer, then fails naming what it saw.
   */
  async codeFor(username: string, options: CodeForOptions = {}): Promise<string> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const deadline = Date.now() + timeoutMs;
    for (let polls = 1; ; polls++) {
      const found = this.latest(username, options);
      if (found) return found.code;
      if (polls % POLLS_PER_FLUSH === 0) await this.flushEmulatorLog();
      if (Date.now() >= deadline) {
        const seen = this.deliveries.map((d) => `#${d.index} ${d.purpose ?? '?'} for ${d.username}`).join(', ') || 'none';
        const wanted = [options.purpose, options.since !== undefined ? `after #${options.since - 1}` : undefined]
          .filter(Boolean)
          .join(', ');
        const mentions = this.lines.filter((line) => line.includes(username)).slice(-5);
        throw new Error(
          `cognito-local printed no confirmation code for ${username}${wanted ? ` (${wanted})` : ''} within ${timeoutMs} ms; ` +
            `deliveries seen: ${seen}; its last lines naming ${username}: ${mentions.length ? mentions.join(' / ') : 'none'}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Makes cognito-local write out what its logger holds back (see the note at the top). */
  private async flushEmulatorLog(): Promise<void> {
    if (!this.endpoint) return;
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${FLUSH_TARGET}${FLUSH_PADDING}`,
        },
        body: '{}',
        signal: AbortSignal.timeout(2_000),
      });
      await response.arrayBuffer();
    } catch {
      // The emulator is gone or slow: waiting on simply runs into the timeout and its clear error.
    }
  }

  private latest(username: string, { since = 0, purpose }: CodeForOptions): Delivery | undefined {
    for (let i = this.deliveries.length - 1; i >= since; i--) {
      const delivery = this.deliveries[i]!;
      if (delivery.username === username && (purpose === undefined || delivery.purpose === purpose)) return delivery;
    }
    return undefined;
  }

  private flush(): void {
    const { username, code, destination, purpose } = this.pending;
    this.pending = {};
    if (!username || !code) return;
    this.deliveries.push({
      index: this.deliveries.length,
      username,
      code,
      ...(destination ? { destination } : {}),
      ...(purpose ? { purpose } : {}),
    });
  }
}

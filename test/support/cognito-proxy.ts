import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListPaging, PagedReply } from './cognito-paging';

/**
 * What the proxy does with one request: pass it on (after `delayMs`), answer a Cognito-shaped
 * error, hang until the client gives up, or cut the connection.
 */
export type ProxyAction =
  | { kind: 'pass'; delayMs?: number }
  | { kind: 'error'; status: number; type: string; message?: string }
  | { kind: 'hang' }
  | { kind: 'reset' };

export interface ProxyRecord {
  operation: string;
  action: ProxyAction['kind'];
  /** The client hung up before an answer (a timeout or an aborted request). */
  aborted: boolean;
  /** Operations asked before this one and not yet answered when it came: what it overlapped. */
  pendingAtArrival: string[];
  /** Answered TooManyRequestsException because the operation's quota was spent. */
  throttledByQuota: boolean;
  /** When it arrived (performance.now() of the proxy's process): for counting calls per second. */
  at: number;
}

/**
 * A loopback HTTP proxy in front of a Cognito endpoint (cognito-local) for tests and benchmarks:
 * it injects latency and faults per operation, and records every request it saw. Traffic stays on
 * 127.0.0.1.
 */
export class CognitoProxy {
  readonly records: ProxyRecord[] = [];
  private readonly scripts = new Map<string, ProxyAction[]>();
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();
  private readonly pending = new Set<ProxyRecord>();
  /**
   * The least time a request passed on without a script takes, counted from its arrival. The
   * backend is asked at once and its answer held back until then, so the emulator's own service
   * time counts only where it runs past the latency: a real Cognito call's latency includes its
   * service time, and Cognito serves concurrent calls in parallel where the single-threaded
   * emulator queues them.
   */
  latencyMs = 0;
  /**
   * Answer at exactly `latencyMs`, waiting out the last millisecond on the event loop (Node's
   * timers fire up to a millisecond early). Turned off for load runs: with answers due all the
   * time that wait would keep a core busy, and a millisecond either way does not matter there.
   */
  exactLatency = true;
  /** Requests whose backend answer came after `latencyMs` had passed, and by how much in all. */
  readonly late = { count: 0, totalMs: 0 };
  /**
   * Answer each distinct request from memory after its first pass: the backend's own time (and
   * its state) drop out, which isolates the cost of the gateway and the SDK. Reads only.
   */
  replay = false;
  private readonly replies = new Map<string, Reply>();
  /** Set: list answers are paged as Cognito pages them (cognito-local answers whole lists). */
  paging: ListPaging | undefined;
  /** Quotas like Cognito's: at most `perSecond` requests of an operation in any one-second window, beyond which it answers throttling. */
  private readonly quotas = new Map<string, { perSecond: number; admitted: number[] }>();

  constructor(private readonly target: string) {}

  get endpoint(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the proxy is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The next requests for `operation` (in order) get these actions; then they pass. */
  script(operation: string, ...actions: ProxyAction[]): void {
    this.scripts.set(operation, [...(this.scripts.get(operation) ?? []), ...actions]);
  }

  /** Answer TooManyRequestsException beyond `perSecond` requests of `operation` in any sliding one-second window. */
  enforceQuota(operation: string, perSecond: number): void {
    this.quotas.set(operation, { perSecond, admitted: [] });
  }

  /** Every operation without a quota of its own gets `perSecond` in any one-second window (0: none). */
  quotaForEveryOperation = 0;

  /** Throttling answers the quotas gave, by operation. */
  throttled(operation?: string): number {
    return this.records.filter((record) => record.throttledByQuota && (operation === undefined || record.operation === operation)).length;
  }

  reset(): void {
    this.records.length = 0;
    this.scripts.clear();
    this.quotas.clear();
    this.quotaForEveryOperation = 0;
    this.latencyMs = 0;
  }

  private overQuota(operation: string): boolean {
    if (!this.quotas.has(operation) && this.quotaForEveryOperation > 0) this.enforceQuota(operation, this.quotaForEveryOperation);
    const quota = this.quotas.get(operation);
    if (!quota) return false;
    const now = performance.now();
    while (quota.admitted.length > 0 && quota.admitted[0]! <= now - 1000) quota.admitted.shift();
    if (quota.admitted.length >= quota.perSecond) return true;
    quota.admitted.push(now);
    return false;
  }

  count(operation: string): number {
    return this.records.filter((record) => record.operation === operation).length;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    const throttled: ProxyAction = { kind: 'error', status: 400, type: 'TooManyRequestsException', message: 'Rate exceeded' };
    const arrivedAt = performance.now();
    const scripted = this.scripts.get(operation)?.shift();
    const overQuota = scripted === undefined && this.overQuota(operation);
    const action = scripted ?? (overQuota ? throttled : { kind: 'pass' as const });
    const record: ProxyRecord = {
      operation,
      action: action.kind,
      throttledByQuota: overQuota,
      at: arrivedAt,
      aborted: false,
      pendingAtArrival: [...this.pending].map((r) => r.operation),
    };
    this.records.push(record);
    this.pending.add(record);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
      this.hanging.delete(res);
      this.pending.delete(record);
    });
    switch (action.kind) {
      case 'hang':
        this.hanging.add(res);
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'error':
        res.writeHead(action.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': action.type });
        res.end(JSON.stringify({ __type: action.type, message: action.message ?? action.type }));
        return;
      case 'pass':
        if (action.delayMs) await new Promise((resolve) => setTimeout(resolve, action.delayMs));
        if (res.destroyed) return;
        this.pass(req, body, res, operation, arrivedAt);
    }
  }

  private pass(req: IncomingMessage, body: Buffer, res: ServerResponse, operation: string, arrivedAt: number): void {
    const respond = (reply: Reply) => {
      const wait = this.latencyMs - (performance.now() - arrivedAt);
      if (this.latencyMs > 0 && wait < 0) {
        this.late.count++;
        this.late.totalMs -= wait;
      }
      runAt(arrivedAt + this.latencyMs, this.exactLatency, () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      });
    };
    const paging = this.paging?.decide(operation, body) ?? { kind: 'forward', page: (reply: PagedReply) => reply };
    if (paging.kind === 'answer') return respond(jsonReply(paging.reply));
    const replayKey = `${operation}\u0000${body.toString('utf8')}`;
    const remembered = this.replay ? this.replies.get(replayKey) : undefined;
    if (remembered) return respond(remembered);
    const upstream = forward(`${this.target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const whole = { status: answer.statusCode ?? 502, body: Buffer.concat(chunks) };
        const paged = paging.page(whole);
        const reply = paged === whole ? { ...whole, headers: answer.headers as Record<string, string> } : jsonReply(paged);
        if (this.replay) this.replies.set(replayKey, reply);
        respond(reply);
      });
    });
    upstream.on('error', () => res.destroy());
    const forwarded = (paging.kind === 'forward' && paging.body) || body;
    upstream.setHeader('content-length', String(forwarded.length));
    upstream.end(forwarded);
  }
}

/**
 * Runs `task` at `dueAt` (a performance.now() time). Node's timers go by the event loop's cached
 * millisecond clock and fire up to a millisecond early, which would hand the gateway answers
 * faster than the latency it is measured against: when `exact`, the last millisecond is waited
 * out on the event loop instead.
 */
function runAt(dueAt: number, exact: boolean, task: () => void): void {
  const left = dueAt - performance.now();
  if (left <= 0) task();
  else if (!exact) setTimeout(task, left);
  else if (left > 1) setTimeout(() => runAt(dueAt, exact, task), left - 1);
  else setImmediate(() => runAt(dueAt, exact, task));
}

interface Reply extends PagedReply {
  headers: Record<string, string>;
}

function jsonReply(reply: PagedReply): Reply {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(reply.body.length) };
  if (reply.status !== 200) headers['x-amzn-errortype'] = String((JSON.parse(reply.body.toString('utf8')) as { __type?: string }).__type);
  return { ...reply, headers };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface CallRecord {
  operation: string;
  /** Milliseconds since the request's first Cognito call started. */
  startedAtMs: number;
  durationMs: number;
  /** `ok`, or the exception name Cognito (or the network) answered with. */
  outcome: string;
}

export interface CallLogSummary {
  total: number;
  byOperation: Record<string, number>;
  calls: CallRecord[];
}

/** The Cognito calls one GraphQL request made, in the order they started. */
export class CallLog {
  private readonly records: CallRecord[] = [];
  private readonly origin = performance.now();

  record(operation: string, startedAt: number, outcome: string): void {
    this.records.push({
      operation,
      startedAtMs: round(startedAt - this.origin),
      durationMs: round(performance.now() - startedAt),
      outcome,
    });
  }

  get total(): number {
    return this.records.length;
  }

  summary(): CallLogSummary {
    const byOperation: Record<string, number> = {};
    for (const { operation } of this.records) byOperation[operation] = (byOperation[operation] ?? 0) + 1;
    return { total: this.records.length, byOperation, calls: [...this.records] };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

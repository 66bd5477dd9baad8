import type { OperationName } from './commands';

/** How one attempt of a Cognito call ended, in few enough kinds to be a metric's label. */
export type AttemptOutcome = 'ok' | 'throttled' | 'answered_error' | 'fault' | 'timeout' | 'aborted';

/**
 * What the call path reports to operations (metrics, traces), beside the request's own call log.
 * Never given arguments, pools, users or answers: only the operation and how it went.
 */
export interface CallObserver {
  /** One attempt sent to Cognito ended after `seconds`. */
  attempted(operation: OperationName, outcome: AttemptOutcome, seconds: number): void;
  /** A call waited `seconds` for its turn in the pacer (0 when it went at once). */
  paced(operation: OperationName, seconds: number): void;
  /**
   * Runs one call (all its attempts) inside `run`: a tracer opens a span around it. The call's
   * outcome is the promise's; `end` names it for the span.
   */
  around<T>(operation: OperationName, run: () => Promise<T>): Promise<T>;
}

export const noCallObserver: CallObserver = {
  attempted() {},
  paced() {},
  around: (_operation, run) => run(),
};

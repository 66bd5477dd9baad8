import { GatewayError } from '../domain/gateway-error';
import type { OperationName } from './commands';

/**
 * The Cognito calls one HTTP request may make, across every operation of a batch: a hard cap at
 * run time, behind the estimate checked before execution (a query the estimate lets through may
 * still follow more pages than it could foresee). Each call counts once, however many attempts
 * it takes: retries are the gateway's doing, not the caller's.
 */
export class CallBudget {
  private spent = 0;

  constructor(readonly limit: number) {}

  get callsMade(): number {
    return this.spent;
  }

  /** Counts one call, or refuses it when the budget is spent (the error lands at the field that asked). */
  spend(operation: OperationName): void {
    if (this.spent >= this.limit) {
      throw new GatewayError(
        'CALL_BUDGET_EXCEEDED',
        `This request has made the ${this.limit} Cognito calls MAX_CALLS_PER_REQUEST allows, across its operations; ${operation} was not sent. Ask for fewer items or fields that need a call each.`,
        { operation, details: { limit: this.limit } },
      );
    }
    this.spent += 1;
  }

  /** Gives back a call counted by `spend` that was then not made (the caller's rate limit refused it). */
  refund(): void {
    this.spent = Math.max(0, this.spent - 1);
  }
}

/**
 * One CallBudget per HTTP request: graphql-yoga builds a context for each operation of a batch,
 * all from the same Request object, so the budget is found by that object.
 */
export class RequestBudgets {
  private readonly budgets = new WeakMap<object, CallBudget>();

  constructor(readonly callsPerRequest: number) {}

  of(request: object | undefined): CallBudget {
    if (!request) return new CallBudget(this.callsPerRequest);
    let budget = this.budgets.get(request);
    if (!budget) {
      budget = new CallBudget(this.callsPerRequest);
      this.budgets.set(request, budget);
    }
    return budget;
  }
}

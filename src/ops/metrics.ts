import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CallObserver } from '../cognito/call-observer';
import type { QuotaPacer } from '../cognito/pacing';
import { operationCategories, quotaCategories } from '../cognito/quotas';

/** Seconds: a Cognito call takes tens of milliseconds, a throttled wait up to the request's deadline. */
const LATENCY_BUCKETS: [number, ...number[]] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

/**
 * The gateway's Prometheus metrics, in a registry of its own (several gateways in one test process
 * do not share one). Labels are bounded sets only: operation, quota category, outcome, error code,
 * GraphQL operation type, HTTP method and status. Never a user, a token, a key, a URL (GET queries
 * carry variables) or a client-chosen operation name; nor a pool id, which is not secret but
 * unbounded (every pool an administrator names would make new series).
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly attempts: Counter<'operation' | 'outcome'>;
  private readonly attemptSeconds: Histogram<'operation'>;
  private readonly pacerWaitSeconds: Histogram<'category'>;
  private readonly graphqlErrors: Counter<'code'>;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.attempts = new Counter({
      name: 'gateway_cognito_calls_total',
      help: 'Attempts sent to Cognito, by operation and outcome (ok, throttled, answered_error, fault, timeout, aborted).',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.attemptSeconds = new Histogram({
      name: 'gateway_cognito_call_duration_seconds',
      help: 'Time of one attempt sent to Cognito, by operation.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.graphqlErrors = new Counter({
      name: 'gateway_graphql_errors_total',
      help: "Errors in the answers sent to clients, by extensions.code (the README's error codes; THROTTLED and RATE_LIMITED among them).",
      labelNames: ['code'],
      registers,
    });
    this.pacerWaitSeconds = new Histogram({
      name: 'gateway_pacer_wait_seconds',
      help: "Time a call waited for its turn in the pacer (the account's quota), by quota category.",
      labelNames: ['category'],
      buckets: [0, ...LATENCY_BUCKETS],
      registers,
    });
  }

  /** Reports the pacer's queue and rates at each scrape; the gateway's pacer, once it is made. */
  watchPacer(pacer: QuotaPacer): void {
    const registers = [this.registry];
    {
      new Gauge({
        name: 'gateway_pacer_waiting_calls',
        help: 'Calls waiting for their turn in the pacer now, by quota category.',
        labelNames: ['category'],
        registers,
        collect() {
          this.reset();
          const waiting = pacer.waiting();
          for (const category of Object.keys(quotaCategories)) this.set({ category }, waiting[category] ?? 0);
        },
      });
      new Gauge({
        name: 'gateway_pacer_rate_per_second',
        help: 'The rate the pacer lets calls go at now, by quota category: the configured rate, or lower when learned from throttling.',
        labelNames: ['category'],
        registers,
        collect() {
          this.reset();
          for (const [name, rate] of Object.entries(pacer.currentRates())) if (name in quotaCategories) this.set({ category: name }, rate);
        },
      });
    }
  }

  /** 1 while the replicas' shared store (REDIS_URL) answers, 0 while this replica serves on its share. */
  watchSharedStore(store: { isReachable(): boolean }): void {
    new Gauge({
      name: 'gateway_shared_store_up',
      help: 'Whether the shared store (REDIS_URL) is reachable: 1, replicas share quotas and limits; 0, this replica serves on its share.',
      registers: [this.registry],
      collect() {
        this.set(store.isReachable() ? 1 : 0);
      },
    });
  }

  /** Reports every attempt and every pacer wait of the call path. */
  readonly callObserver: CallObserver = {
    attempted: (operation, outcome, seconds) => {
      this.attempts.inc({ operation, outcome });
      this.attemptSeconds.observe({ operation }, seconds);
    },
    paced: (operation, seconds) => this.pacerWaitSeconds.observe({ category: operationCategories[operation] }, seconds),
    around: (_operation, run) => run(),
  };

  /** GraphQL requests, their phases and durations, and errors by code, through graphql-yoga's Prometheus plugin. */
  yogaPlugins(): Plugin[] {
    return [this.prometheusPlugin(), this.errorCodesPlugin()];
  }

  private prometheusPlugin(): Plugin {
    const registry = this.registry;
    return usePrometheus({
      registry,
      // Served by the operations listener (src/ops/ops-server.ts), never on the public port.
      endpoint: false,
      labels: { operationName: false, path: false, url: false, fieldName: false, typeName: false, returnType: false },
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: LATENCY_BUCKETS,
        graphql_envelop_phase_parse: true,
        graphql_envelop_phase_validate: true,
        graphql_envelop_phase_context: true,
        graphql_envelop_phase_execute: LATENCY_BUCKETS,
        // Counted by code below instead, from the answer as sent: the plugin sees errors before
        // yoga gives parse and validation errors their codes and masks unexpected ones.
        graphql_envelop_error_result: false,
        graphql_yoga_http_duration: LATENCY_BUCKETS,
      },
    });
  }

  /** Each error of each answer (every operation of a batch), by its code, as the client receives it. */
  private errorCodesPlugin(): Plugin {
    const count = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => {
      for (const error of result.errors ?? []) this.graphqlErrors.inc({ code: String(error.extensions?.['code'] ?? 'UNKNOWN') });
    };
    return {
      onResultProcess({ result }) {
        if (Symbol.asyncIterator in result) return;
        for (const one of Array.isArray(result) ? result : [result]) count(one);
      },
    };
  }

  /** The text Prometheus scrapes. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

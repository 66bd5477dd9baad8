import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { GatewayTracing } from './tracing';

export const DEFAULT_SERVICE_NAME = 'cognito-graphql-gateway';

export interface StartedTracing {
  tracing: GatewayTracing;
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers the tracer provider (with Node's async context, so a Cognito call's span finds its
 * operation's span as parent) and exports through `processor`: in production an OTLP/HTTP
 * exporter configured by the standard OTEL_EXPORTER_OTLP_* variables, which it reads itself.
 */
export function startTracing(
  serviceName: string,
  processor: SpanProcessor = new BatchSpanProcessor(new OTLPTraceExporter()),
): StartedTracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  return {
    tracing: new GatewayTracing(trace.getTracer(DEFAULT_SERVICE_NAME)),
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
    },
  };
}

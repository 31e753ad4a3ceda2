import type { Config } from './config';
import { ScrubbingSpanProcessor } from './telemetry-scrub';

export interface Telemetry {
  /** Sends what is buffered; the process may exit after it. */
  shutdown(): Promise<void>;
}

/** How long a stopping app waits for its last telemetry to be sent. */
const SHUTDOWN_LIMIT_MS = 10_000;

const OFF: Telemetry = { shutdown: async () => {} };

/**
 * OpenTelemetry to Application Insights, when a connection string is configured: incoming
 * requests, the store's calls (Azure SDK and HTTP), Bot Connector calls (fetch, through undici),
 * the logs (pino) and the app's own metrics. Without one nothing is loaded, so local runs and
 * tests pay nothing. Instrumentations patch modules as they load: call this before anything
 * that loads http, undici or pino.
 */
export async function startTelemetry(settings: Config['telemetry']): Promise<Telemetry> {
  if (!settings) return OFF;
  const [{ useAzureMonitor, shutdownAzureMonitor }, undici, pino] = await Promise.all([
    import('@azure/monitor-opentelemetry'),
    import('@opentelemetry/instrumentation-undici'),
    import('@opentelemetry/instrumentation-pino'),
  ]);
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: settings.connectionString },
    // Live Metrics streams sample documents (URLs, exception messages) outside the span processors.
    enableLiveMetrics: false,
    tracesPerSecond: 0,
    samplingRatio: 1,
    instrumentationOptions: {
      http: {
        enabled: true,
        // The Azure SDK traces its own calls (the store's): once, not again at the socket.
        ignoreOutgoingRequestHook: (request: { headers?: Record<string, unknown> }) =>
          request.headers?.['x-ms-client-request-id'] !== undefined,
      } as { enabled: boolean },
      azureSdk: { enabled: true },
      // pino writes to stdout, not through console; its records come through its own instrumentation.
      console: { enabled: false },
    },
    spanProcessors: [new ScrubbingSpanProcessor()],
  });
  // Beyond the distro's own: each enables itself on the global providers the distro just set.
  new undici.UndiciInstrumentation();
  // Records only: trace ids in the stdout lines would change the log format people read.
  new pino.PinoInstrumentation({ disableLogCorrelation: true });
  return {
    // An unreachable ingestion endpoint must not hold a stopping app for the exporter's retries.
    shutdown: () =>
      Promise.race([
        shutdownAzureMonitor().catch(() => undefined),
        new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_LIMIT_MS).unref()),
      ]),
  };
}

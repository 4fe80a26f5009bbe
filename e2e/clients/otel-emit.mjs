// An application instrumented with the OpenTelemetry JS SDK, as a user runs it: a LoggerProvider
// with a batch processor and the OTLP/HTTP exporter (JSON or protobuf), unmodified. It emits the
// records of the job given as JSON in argv[2], flushes, shuts down, and exits 0 when every export
// succeeded (the exporter retries 429/503 by itself).
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { OTLPLogExporter as JsonExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtobufExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';

const job = JSON.parse(process.argv[2]);
const Exporter = job.encoding === 'protobuf' ? ProtobufExporter : JsonExporter;
let failed = false;
const exporter = new Exporter({ url: job.url });
// Wraps the exporter only to learn the outcome of each export; what is sent is untouched.
const exportAndReport = exporter.export.bind(exporter);
exporter.export = (records, done) =>
  exportAndReport(records, (result) => {
    if (result.code !== 0) {
      failed = true;
      process.stderr.write(`export failed: ${result.error?.message}\n`);
    }
    done(result);
  });
const provider = new LoggerProvider({
  resource: resourceFromAttributes(job.resource),
  processors: [new BatchLogRecordProcessor({ exporter, scheduledDelayMillis: 50 })],
});
const logger = provider.getLogger(job.scope.name, job.scope.version);
for (const record of job.records) {
  const spanContext = record.traceId ? { traceId: record.traceId, spanId: record.spanId, traceFlags: TraceFlags.SAMPLED } : undefined;
  logger.emit({
    timestamp: record.timestampMs === undefined ? undefined : new Date(record.timestampMs),
    severityNumber: record.severityNumber,
    severityText: record.severityText,
    body: record.body,
    attributes: record.attributes,
    context: spanContext ? trace.setSpanContext(context.active(), spanContext) : undefined,
  });
}
await provider.forceFlush();
await provider.shutdown();
process.stdout.write(failed ? 'failed\n' : 'exported\n');
process.exit(failed ? 1 : 0);

/** Table rows for the doors: events/s through each protocol beside the native NDJSON endpoint, same run. */
import type { DoorThroughput } from '../ingest/door-throughput';
import { fixed, thousands, verdict, type TableRow } from './format';

const DOOR_NAMES: Record<DoorThroughput['door'], string> = {
  ndjson: 'native NDJSON, POST /api/v1/ingest',
  'otlp-protobuf': 'OTLP/HTTP protobuf, POST /v1/logs',
  'otlp-json': 'OTLP/HTTP JSON, POST /v1/logs',
  'loki-protobuf': 'Loki push, snappy protobuf',
  'loki-json': 'Loki push, JSON',
  elasticsearch: 'Elasticsearch bulk, POST /_bulk',
  'syslog-tcp': 'syslog RFC 5424, TCP octet counting',
};

export function doorRows(doors: readonly DoorThroughput[]): TableRow[] {
  const native = doors.find((door) => door.door === 'ndjson')?.eventsPerSecond ?? NaN;
  return doors.map((door) => ({
    group: 'doors',
    what: `${DOOR_NAMES[door.door]} (${thousands(door.events)} events, 5,000 a body)`,
    figure: `${thousands(door.eventsPerSecond)} events/s`,
    comparison: door.door === 'ndjson' ? 'the native door, same sender' : `${fixed(door.eventsPerSecond / native, 2)}x native NDJSON`,
    target: verdict(door.stored === door.events, 'every event stored'),
  }));
}

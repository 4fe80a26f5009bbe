/**
 * Ingest on a fresh data directory: end to end over HTTP and TCP, events/s through every door
 * (native NDJSON and the standard protocols), the sustained-rate search with its lag, the api's
 * memory while producers outrun storage; then end to end over HTTP again through an api running
 * the 10 example processing rules, the insert path's cost breakdown in a worker of its own, and
 * how soon a stored event is painted on the live page.
 */
import { join } from 'node:path';
import { runWorker } from '../engine/run-worker';
import type { InsertPathResult } from '../engine/insert-path';
import { measureDoors, type DoorThroughput } from '../ingest/door-throughput';
import { measureEndToEnd, type EndToEndResult } from '../ingest/end-to-end';
import { measureFreshness, type FreshnessResult } from '../ingest/freshness';
import { measureMemoryUnderPressure, type PressureResult } from '../ingest/memory-pressure';
import { measureRulesThroughput, type RulesThroughput } from '../ingest/rules-throughput';
import { startApi } from '../ingest/running-api';
import { findSustainedRate, type SustainedResult } from '../ingest/sustained-rate';
import type { BenchConfig } from '../config';
import { log } from './load-phase';

export interface IngestFigures {
  ingest: EndToEndResult[];
  doors: DoorThroughput[];
  sustained: SustainedResult;
  pressure: PressureResult;
  /** End to end over HTTP with PROCESSING_RULES_FILE = the 10-rule example, beside ingest[0] (none). */
  rules: RulesThroughput;
  insertPath: InsertPathResult;
  /** Ingest answer → row painted in Chromium, embedded and in server mode. */
  freshness: FreshnessResult[];
}

const INGEST_RUNS = 3;
/** Events through each door: enough for several full inserts, few enough for seven doors. */
const MAX_DOOR_EVENTS = 200_000;
/** Rows per insert in the insert-path breakdown: the api's default (INGEST_BATCH_ROWS). */
const INGEST_BATCH_ROWS = 20_000;
/** Events sent one at a time for the freshness figure, per mode. */
const FRESHNESS_EVENTS = 100;

export async function measureIngest(work: string, config: BenchConfig): Promise<IngestFigures> {
  const api = await startApi(join(work, 'ingest'));
  let ingest: EndToEndResult[];
  let doors: DoorThroughput[];
  let sustained: SustainedResult;
  let pressure: PressureResult;
  try {
    log(`end-to-end ingest, ${config.ingestEvents} events x ${INGEST_RUNS} runs per transport`);
    ingest = [await measureEndToEnd(api, 'http', config.ingestEvents, INGEST_RUNS), await measureEndToEnd(api, 'tcp', config.ingestEvents, INGEST_RUNS)];
    const doorEvents = Math.min(config.ingestEvents, MAX_DOOR_EVENTS);
    log(`events/s through each door, ${doorEvents} events each`);
    doors = await measureDoors(api, doorEvents);
    log(`searching the highest sustained rate from ${Math.round(ingest[0].eventsPerSecond)} events/s`);
    sustained = await findSustainedRate(api, ingest[0].eventsPerSecond, config.stepSeconds);
    log(`api memory while producers outrun storage for ${config.pressureSeconds} s`);
    pressure = await measureMemoryUnderPressure(api, config.pressureSeconds);
  } finally {
    await api.app.stop();
  }
  log(`end-to-end ingest over HTTP with the example processing rules, ${config.ingestEvents} events x ${INGEST_RUNS} runs`);
  const rules = await measureRulesThroughput(work, config.ingestEvents, INGEST_RUNS);
  log('insert path cost breakdown');
  const insertPath = await runWorker<InsertPathResult>('insert-path', { dataDir: join(work, 'insert-path'), events: 300_000, batchRows: INGEST_BATCH_ROWS });
  log('freshness: ingest answer → row painted in Chromium, embedded and in server mode');
  const freshness = [
    await measureFreshness(join(work, 'fresh-embedded'), 'embedded', FRESHNESS_EVENTS),
    await measureFreshness(join(work, 'fresh-server'), 'server', FRESHNESS_EVENTS),
  ];
  return { ingest, doors, sustained, pressure, rules, insertPath, freshness };
}

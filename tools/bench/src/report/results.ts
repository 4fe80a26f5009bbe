/** Everything one benchmark run measured; written as JSON and rendered as the table. */
import type { ApiTiming } from '../api/api-queries';
import type { EngineFloors } from '../engine/engine-floors';
import type { LibraryTiming } from '../engine/library-queries';
import type { InsertPathResult } from '../engine/insert-path';
import type { DoorThroughput } from '../ingest/door-throughput';
import type { EndToEndResult } from '../ingest/end-to-end';
import type { FreshnessResult } from '../ingest/freshness';
import type { PressureResult } from '../ingest/memory-pressure';
import type { RulesThroughput } from '../ingest/rules-throughput';
import type { SustainedResult } from '../ingest/sustained-rate';
import type { RealLogsFigures } from '../phases/real-logs-phase';
import type { PostgresResult } from '../postgres/postgres-baseline';
import type { Machine } from './machine';

export interface LoadFigures {
  events: number;
  ndjsonBytes: number;
  generateSeconds: number;
  loadSeconds: number;
  /** CPU seconds of the load (the engine's threads): its cost per event at the ceiling. */
  loadCpuSeconds: number;
  /** The engine's own insert ceiling for the table, with its indexes and rollup view. */
  rowsPerSecond: number;
  bytesOnDisk: number;
  indexBytes: number;
}

export interface QueryFigures {
  api: Record<string, ApiTiming>;
  /** The same requests through the api in server mode (CLICKHOUSE_URL on the ClickHouse HTTP front, same data). */
  serverApi: Record<string, ApiTiming>;
  library: Record<string, LibraryTiming>;
  /** The engine's own least time for the rare-word page (no api, no page columns). */
  floors: EngineFloors;
  webRenderMs: number;
  /** The api's VmRSS, sampled every second while the queries ran. */
  apiRssMaxMiB: number;
  /** From the api process's start on the loaded data to its health check answering. */
  apiReadyMs: number;
  /** From the same start to the first latest-100 page answered. */
  apiFirstPageMs: number;
}

export interface BenchResults {
  date: string;
  command: string;
  runs: number;
  machine: Machine;
  load: LoadFigures;
  queries: QueryFigures;
  postgres?: PostgresResult;
  /** Storage of real log files replayed through the generator and api. */
  realLogs: RealLogsFigures;
  ingest: EndToEndResult[];
  /** Events/s through each door (native NDJSON and the standard protocols), same sender, same run. */
  doors: DoorThroughput[];
  sustained: SustainedResult;
  pressure: PressureResult;
  /** End to end over HTTP with the 10 example processing rules (beside `ingest`, without). */
  rules: RulesThroughput;
  insertPath: InsertPathResult;
  freshness: FreshnessResult[];
}

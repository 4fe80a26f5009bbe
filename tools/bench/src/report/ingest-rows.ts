/** Table rows for ingest: end to end per transport, the sustained rate and its lag, memory, cost breakdown. */
import type { BenchResults } from './results';
import { fixed, thousands, verdict, type TableRow } from './format';
import { MAX_FRESHNESS_P95_MS, MIN_INGEST_RATIO } from './targets';

export function ingestRows(results: BenchResults): TableRow[] {
  const ceiling = results.load.rowsPerSecond;
  const rows: TableRow[] = results.ingest.map((run) => {
    const ratio = run.eventsPerSecond / ceiling;
    const zeroLoss = run.lost === 0 && run.allAcknowledged;
    return {
      group: 'ingest',
      what: `end to end over ${run.transport.toUpperCase()} (${run.producers} producers, ${thousands(run.events)} events)`,
      figure: `${thousands(run.eventsPerSecond)} events/s`,
      comparison: `${fixed(run.megabytesPerSecond)} MB/s; ${fixed(ratio, 2)}x ceiling; lost ${run.lost}, duplicates ${run.duplicates}`,
      target: verdict(ratio >= MIN_INGEST_RATIO && zeroLoss, `≥ ${MIN_INGEST_RATIO}x ceiling, zero loss`),
    };
  });
  return [...rows, ...rulesRows(results), ...rateRows(results), ...pressureRows(results), ...pathRows(results), ...freshnessRows(results)];
}

/** Events/s with the example processing rules beside the same HTTP run without them. */
function rulesRows({ rules, ingest }: BenchResults): TableRow[] {
  const without = ingest.find((run) => run.transport === 'http');
  if (!without) return [];
  return [
    {
      group: 'ingest',
      what: `end to end over HTTP with the 10 processing rules of ${rules.rulesFile}`,
      figure: `${thousands(rules.eventsPerSecond)} events/s`,
      comparison: `${fixed(rules.eventsPerSecond / without.eventsPerSecond, 2)}x the same run without rules (${thousands(without.eventsPerSecond)} events/s); ${fixed(rules.storedShare * 100, 1)}% stored (drop and sample rules)${rules.allAcknowledged ? '' : '; NOT every event acknowledged'}`,
      target: '',
    },
  ];
}

function rateRows({ sustained, load }: BenchResults): TableRow[] {
  const steps = sustained.steps.map((step) => `${thousands(step.rate)}/s ${step.sustained ? 'ok' : 'no'} p95 ${thousands(step.p95Ms)} ms`);
  const half = sustained.atHalf;
  return [
    { group: 'ingest', what: 'highest sustained zero-loss rate (HTTP, paced)', figure: `${thousands(sustained.highest)} events/s`, comparison: `${fixed(sustained.highest / load.rowsPerSecond, 2)}x ceiling; steps: ${steps.join(', ')}`, target: '' },
    ...sustained.steps
      .filter((step) => step.sustained)
      .map((step) => ({ group: 'lag', what: `event → stored at ${thousands(step.rate)} events/s`, figure: `p50 ${thousands(step.p50Ms)} ms`, comparison: `p95 ${thousands(step.p95Ms)} ms`, target: '' })),
    ...(half ? [{ group: 'lag', what: `event → stored at 50% of it (${thousands(half.rate)} events/s)`, figure: `p50 ${thousands(half.p50Ms)} ms`, comparison: `p95 ${thousands(half.p95Ms)} ms`, target: '' }] : []),
  ];
}

function pressureRows({ pressure }: BenchResults): TableRow[] {
  const bounded = pressure.rssMaxSecondHalfMiB <= pressure.rssMaxFirstHalfMiB * 1.1;
  return [
    {
      group: 'memory',
      what: `api RSS while producers outrun storage (${pressure.seconds} s)`,
      figure: `max ${fixed(pressure.rssMaxSecondHalfMiB, 0)} MiB`,
      comparison: `start ${fixed(pressure.rssStartMiB, 0)}, median ${fixed(pressure.rssMedianMiB, 0)}, first-half max ${fixed(pressure.rssMaxFirstHalfMiB, 0)} MiB; pending rows max ${thousands(pressure.maxPendingRows)}; acked ${thousands(pressure.acked)} of ${thousands(pressure.sent)} sent`,
      target: verdict(bounded, 'bounded (2nd-half peak ≤ 1.1x 1st-half)'),
    },
  ];
}

function pathRows({ insertPath: path, load }: BenchResults): TableRow[] {
  const { stages } = path;
  const ms = (stage: keyof typeof stages) => `${fixed(stages[stage].ms)} ms`;
  const perEvent = (cpuMs: number) => `${fixed((cpuMs * 1000) / path.batchRows, 1)} µs`;
  const perSecond = (batchMs: number) => `${thousands((path.batchRows / batchMs) * 1000)} events/s`;
  const apiCpu = stages.parse.cpuMs + stages.normalize.cpuMs + stages.writer.cpuMs;
  const textCpu = stages.parse.cpuMs + stages.normalize.cpuMs + stages.serialize.cpuMs + stages.json.cpuMs;
  const engineAlone = (path.batchRows / stages.wire.ms) * 1000;
  const jsWithPattern = stages.parse.ms + stages.normalize.ms + stages.encode.ms;
  return [
    {
      group: 'ingest',
      what: `api insert path per ${thousands(path.batchRows)}-row batch (medians)`,
      figure: `${fixed(stages.parse.ms + stages.normalize.ms + stages.writer.ms)} ms`,
      comparison:
        `JSON.parse ${ms('parse')}, normalizeEvent with the pattern id ${ms('normalize')}, embedded writer (duplicate check, Native encode ${ms('encode')}, insert) ${ms('writer')}, ` +
        `bare Native insert ${ms('native')}; before: JSON.stringify ${ms('serialize')} + JSONEachRow insert ${ms('json')}; ` +
        `duplicate-check SELECT of every row (server mode) ${ms('check')}; wire NDJSON straight into the engine ${ms('wire')}`,
      target: '',
    },
    {
      group: 'ingest',
      what: 'CPU per stored event: api path vs the engine at its ceiling',
      figure: perEvent(apiCpu),
      comparison: `engine loading a file ${fixed((load.loadCpuSeconds * 1e6) / load.events, 1)} µs; the JSON text path before ${perEvent(textCpu)} (process CPU, the engine's threads included)`,
      target: '',
    },
    {
      group: 'ingest',
      what: `pattern id at ingest, same run (${thousands(path.batchRows)}-row batches)`,
      figure: `derivePattern ${ms('derive')} a batch`,
      comparison:
        `api JS path (parse, normalize, Native encode) ${perSecond(jsWithPattern)} with it, ${perSecond(jsWithPattern - stages.derive.ms)} without; ` +
        `JSONEachRow insert with the id given ${perSecond(stages.json.ms)}, id left to the column default ${perSecond(stages.jsonDefaultId.ms)}`,
      target: '',
    },
    {
      group: 'ingest',
      what: `engine alone fed the producers' NDJSON from Node (${thousands(path.batchRows)}-row batches; no api, no producers)`,
      figure: `${thousands(engineAlone)} events/s`,
      comparison: `${fixed(engineAlone / load.rowsPerSecond, 2)}x ceiling: a bound on end to end, which adds producers and the api on the same cores`,
      target: '',
    },
  ];
}

function freshnessRows({ freshness }: BenchResults): TableRow[] {
  return freshness.map((run) => {
    const complete = run.missing === 0 && run.repeated === 0;
    const how = run.mode === 'embedded' ? 'embedded' : 'server mode, ClickHouse HTTP front';
    return {
      group: 'freshness',
      what: `ingest answer → row painted in Chromium (${how}; ${run.events} events one by one)`,
      figure: `p95 ${thousands(run.p95Ms)} ms`,
      comparison: `p50 ${thousands(run.p50Ms)} ms, max ${thousands(run.maxMs)} ms; missing ${run.missing}, repeated ${run.repeated}`,
      target:
        run.mode === 'embedded'
          ? verdict(run.p95Ms <= MAX_FRESHNESS_P95_MS && complete, `p95 ≤ ${MAX_FRESHNESS_P95_MS} ms, none missing or repeated`)
          : verdict(complete, 'none missing or repeated'),
    };
  });
}

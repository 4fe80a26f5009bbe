// Real processes for end-to-end tests, deployment tests and the benchmark: one way to start the
// built apps (or an installed bundle), find a port, wait for them to answer, and stop them.
export { startClickHouseFront } from './clickhouse-front';
export { freePort } from './free-port';
export { readGeneratorSummaries, runGenerator, type GeneratorSummary } from './generator-run';
export { startApp, startProcess, type AppName, type ProcessOptions, type RunningProcess } from './running-process';
export { firstAnswer, waitForOk } from './wait-for-answer';
export { WORKSPACE_ROOT } from './workspace-root';

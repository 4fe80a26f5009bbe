export { checkMetrics, promtool, type PromtoolResult } from './promtool';
export { testToolPath } from './test-tool-path';

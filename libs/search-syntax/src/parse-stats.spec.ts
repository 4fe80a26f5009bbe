import { isStatsQuery, parseStatsQuery } from './parse-stats';
import { aggregationLabel } from './stats-functions';

describe('parseStatsQuery', () => {
  it('reads the search, the functions and the by fields', () => {
    expect(parseStatsQuery('level:ERROR | stats count() by source, host')).toEqual({
      search: { text: [], fields: [{ field: 'log_level', values: ['ERROR'], prefix: false, negate: false }] },
      stats: { aggregations: [{ fn: 'count' }], by: ['source', 'host'] },
    });
    expect(parseStatsQuery('source:payment | STATS P99(attributes.duration_ms), count_distinct(producer) BY attributes.region').stats).toEqual({
      aggregations: [
        { fn: 'p99', field: { attribute: 'duration_ms' } },
        { fn: 'count_distinct', field: 'producer_id' },
      ],
      by: [{ attribute: 'region' }],
    });
  });

  it('groups and counts by pattern', () => {
    expect(parseStatsQuery('-pattern:3f2a9c0d1e4b5a6f | stats count(), count_distinct(pattern) by pattern, host')).toEqual({
      search: { text: [], fields: [{ field: 'pattern', values: ['3f2a9c0d1e4b5a6f'], prefix: false, negate: true }] },
      stats: { aggregations: [{ fn: 'count' }, { fn: 'count_distinct', field: 'pattern' }], by: ['pattern', 'host'] },
    });
  });

  it('takes every event when nothing comes before the pipe', () => {
    expect(parseStatsQuery('  |stats min(attributes.a),max(attributes.a),avg(attributes.a),sum(attributes.a),p50(attributes.a),p90(attributes.a)')).toEqual({
      search: undefined,
      stats: {
        aggregations: ['min', 'max', 'avg', 'sum', 'p50', 'p90'].map((fn) => ({ fn, field: { attribute: 'a' } })),
        by: [],
      },
    });
  });

  it('reads attribute names with dots and dashes, and labels functions as they are written', () => {
    const { stats } = parseStatsQuery('| stats avg(attributes.http.response-time) by attributes.k8s.pod');
    expect(stats.aggregations.map(aggregationLabel)).toEqual(['avg(attributes.http.response-time)']);
    expect(stats.by).toEqual([{ attribute: 'k8s.pod' }]);
  });

  it('tells a stats query from a search by a pipe outside quotes', () => {
    expect(isStatsQuery('error | stats count()')).toBe(true);
    expect(isStatsQuery('"a | b" host:"x|y"')).toBe(false);
    expect(isStatsQuery(undefined)).toBe(false);
  });

  it.each([
    ['level:error', /^a stats query needs '\| stats …' after the search, .* at position 11$/],
    ['error | count()', /^expected 'stats' after '\|', got 'count' .* at position 8$/],
    ['| stats median(attributes.a)', /^unknown function 'median' \(functions: count, count_distinct, min, max, avg, sum, p50, p90, p99\) at position 8$/],
    ['| stats count() by color', /^unknown field 'color' \(fields: level, source, host, producer_id, trace_id, span_id, pattern, attributes.<name>\) at position 19$/],
    ['| stats p99(host)', /p99\(\) needs numbers: an attribute, .*'host' is text at position 8/],
    ['| stats max(pattern)', /max\(\) needs numbers: an attribute, .*'pattern' is text at position 8/],
    ['| stats sum()', /sum\(\) needs a field, e.g. sum\(attributes.duration_ms\)/],
    ['| stats count(host)', /count\(\) counts events and takes no field; count_distinct\(host\)/],
    ['| stats count', /count needs parentheses: count\(\), got the end of the query/],
    ['| stats count() by source, source', /'source' is already grouped by at position 27/],
    ['| stats count() by level, source, host, producer', /at most 3 fields after 'by' at position 40/],
    ['| stats count() by', /expected a field after 'by'/],
    ['| stats count() host', /unexpected 'host' \(expected ',' and another function, 'by', or the end\)/],
    ['| stats count() | stats count()', /only one '\|' is allowed/],
    ['| stats count() by attributes.', /'attributes.' needs an attribute name/],
    ["| stats count() by attributes.a'); DROP TABLE x; --", /unexpected ';' in the stats command/],
    ['| stats count() by "host"', /takes no quoted text/],
    [`| stats ${Array(9).fill('count()').join(', ')}`, /at most 8 functions/],
    ['"unterminated | stats count()', /unterminated quote at position 0/],
  ])('names the mistake in %p', (q, message) => {
    expect(() => parseStatsQuery(q)).toThrow(message);
  });
});

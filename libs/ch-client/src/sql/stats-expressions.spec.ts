import { aggregationSql, fieldText, listedPatternSql } from './stats-expressions';
import { render } from './sql';

describe('stats expressions', () => {
  it('binds an attribute name as a value, whatever it holds', () => {
    const hostile = "x')); DROP TABLE logs.application_logs; --";
    const query = render(aggregationSql({ fn: 'p99', field: { attribute: hostile } }));
    expect(query.text).toBe('quantile(0.99)(toFloat64OrNull(attributes[{p0:String}]))');
    expect(query.params).toEqual({ p0: hostile });
  });

  it('writes a column only from the allow-list', () => {
    expect(render(aggregationSql({ fn: 'count_distinct', field: 'producer_id' })).text).toBe("uniqIf(producer_id, producer_id != '')");
    expect(() => fieldText('host; DROP TABLE x' as 'host')).toThrow(/not a log field/);
    expect(() => fieldText('constructor' as 'host')).toThrow(/not a log field/);
  });

  it('reads pattern as the listed pattern of each stored id, bound, never the raw column', () => {
    const listed = listedPatternSql(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'], ['cccccccccccccccc', 'cccccccccccccccc']);
    const query = render(aggregationSql({ fn: 'count_distinct', field: 'pattern' }, listed));
    expect(query.text).toBe("uniqIf(transform(pattern_id, {p0:Array(String)}, {p1:Array(String)}, pattern_id), transform(pattern_id, {p2:Array(String)}, {p3:Array(String)}, pattern_id) != '')");
    expect(query.params.p1).toEqual(['cccccccccccccccc', 'cccccccccccccccc']);
    expect(() => fieldText('pattern')).toThrow(/listed patterns of the range/);
  });
});

import { aggregationSql, fieldText } from './stats-expressions';
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
});

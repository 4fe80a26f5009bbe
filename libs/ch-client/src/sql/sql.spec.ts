import { bind, identifier, join, render, sql } from './sql';

describe('sql', () => {
  it('binds every interpolated value as a typed placeholder', () => {
    const query = render(sql`SELECT * FROM t WHERE a = ${'x'} AND b IN ${['y', 'z']} LIMIT ${100}`);
    expect(query.text).toBe('SELECT * FROM t WHERE a = {p0:String} AND b IN {p1:Array(String)} LIMIT {p2:Int64}');
    expect(query.params).toEqual({ p0: 'x', p1: ['y', 'z'], p2: 100 });
  });

  it('keeps hostile text out of the SQL text', () => {
    const hostile = "'; DROP TABLE logs.application_logs; --";
    const query = render(sql`SELECT 1 WHERE message = ${hostile}`);
    expect(query.text).not.toContain('DROP');
    expect(query.params.p0).toBe(hostile);
  });

  it('numbers placeholders across nested and joined fragments', () => {
    const conditions = join([sql`a = ${1}`, sql`b = ${bind('2026-01-01 00:00:00.000', "DateTime64(3, 'UTC')")}`], ' AND ');
    const query = render(sql`SELECT ${identifier('logs.t')} WHERE ${conditions} AND c = ${true}`);
    expect(query.text).toBe("SELECT logs.t WHERE a = {p0:Int64} AND b = {p1:DateTime64(3, 'UTC')} AND c = {p2:Bool}");
    expect(query.params).toEqual({ p0: 1, p1: '2026-01-01 00:00:00.000', p2: true });
  });

  it('refuses identifiers that are not plain names', () => {
    expect(() => identifier('t; DROP TABLE x')).toThrow(/not a plain SQL identifier/);
  });
});

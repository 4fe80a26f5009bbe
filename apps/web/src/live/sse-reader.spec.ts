import { SseReader } from './sse-reader';

describe('SseReader', () => {
  it('returns each complete event with its id and name, however the stream is split', () => {
    const stream = 'retry: 2000\n\nid: 17.3\nevent: logs\ndata: [1,\ndata: 2]\n\n: 1732800000\n\nid: 18.1\nevent: logs\ndata: []\n\n';
    for (const size of [1, 3, 7, stream.length]) {
      const reader = new SseReader();
      const out = [];
      for (let at = 0; at < stream.length; at += size) out.push(...reader.push(stream.slice(at, at + size)));
      expect(out).toEqual([
        { kind: 'event', id: '17.3', event: 'logs', data: '[1,\n2]' },
        { kind: 'comment', text: '1732800000' },
        { kind: 'event', id: '18.1', event: 'logs', data: '[]' },
      ]);
    }
  });

  it('accepts CRLF and CR line ends, and keeps the last id for events without one', () => {
    const reader = new SseReader();
    expect(reader.push('id: 1.1\r\ndata: a\r\n\r\ndata: b\r\rdata: c\r')).toEqual([
      { kind: 'event', id: '1.1', event: 'message', data: 'a' },
      { kind: 'event', id: '1.1', event: 'message', data: 'b' },
    ]);
    expect(reader.push('\n\n')).toEqual([{ kind: 'event', id: '1.1', event: 'message', data: 'c' }]);
  });

  it('waits for the blank line before dispatching', () => {
    const reader = new SseReader();
    expect(reader.push('event: logs\ndata: [')).toEqual([]);
    expect(reader.push(']\n')).toEqual([]);
    expect(reader.push('\n')).toEqual([{ kind: 'event', id: undefined, event: 'logs', data: '[]' }]);
  });
});

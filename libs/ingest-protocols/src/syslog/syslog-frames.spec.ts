import { SyslogFrameReader } from './syslog-frames';

describe('SyslogFrameReader', () => {
  const messages = (frames: ReturnType<SyslogFrameReader['push']>) => frames.map((frame) => ('message' in frame ? frame.message.toString() : `tooLarge:${frame.tooLarge}`));

  it('reads octet-counted and newline-framed messages, across chunk boundaries', () => {
    const reader = new SyslogFrameReader(100);
    const stream = '11 <13>1 hello5 <1>1 \n<13>line one\r\n\n<13>line two\n';
    const out: string[] = [];
    for (let at = 0; at < stream.length; at += 3) out.push(...messages(reader.push(Buffer.from(stream.slice(at, at + 3)))));
    expect(out).toEqual(['<13>1 hello', '<1>1 ', '<13>line one', '<13>line two']);
  });

  it('skips oversized frames, reporting each, and goes on after them', () => {
    const reader = new SyslogFrameReader(10);
    expect(messages(reader.push(Buffer.from(`20 ${'x'.repeat(20)}3 <1>${'y'.repeat(30)}\n<2>ok\n`)))).toEqual(['tooLarge:20', '<1>', 'tooLarge:30', '<2>ok']);
  });

  it('gives a last line without its newline at the end of the stream', () => {
    const reader = new SyslogFrameReader(100);
    expect(messages(reader.push(Buffer.from('<13>first\n<13>last')))).toEqual(['<13>first']);
    expect(messages(reader.end())).toEqual(['<13>last']);
  });
});

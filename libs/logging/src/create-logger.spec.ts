import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { createLogger } from './create-logger';
import type { LogSettings } from './log-settings';
import { DebugRequestLog } from './request-log';

function capture(settings: LogSettings) {
  const destination = new PassThrough();
  let text = '';
  destination.on('data', (chunk) => (text += chunk));
  return { log: createLogger(settings, destination), text: () => text };
}

describe('createLogger', () => {
  it('writes one JSON object a line for collectors', () => {
    const { log, text } = capture({ level: 'info', format: 'json' });
    log.info({ storage: 'embedded' }, 'Logline api ready on %s', 'http://127.0.0.1:4000');

    expect(JSON.parse(text())).toMatchObject({ level: 30, storage: 'embedded', msg: 'Logline api ready on http://127.0.0.1:4000' });
  });

  it('writes one readable line for a terminal: time, level, message, fields', () => {
    const { log, text } = capture({ level: 'info', format: 'pretty' });
    log.info({ storage: 'embedded' }, 'Logline api ready on %s', 'http://127.0.0.1:4000');

    expect(text()).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Logline api ready on http:\/\/127\.0\.0\.1:4000 \{"storage":"embedded"\}\n$/);
  });
});

describe('DebugRequestLog', () => {
  async function requestLines(settings: LogSettings, url: string) {
    const { log, text } = capture(settings);
    const app = Fastify({ loggerInstance: log, logController: new DebugRequestLog((request) => request.url.startsWith('/assets/')) });
    app.get('/*', async () => 'ok');
    await app.inject(url);
    await app.close();
    return text().split('\n').filter((line) => line.includes('request'));
  }

  it('logs a request at debug, so the default level shows none', async () => {
    expect(await requestLines({ level: 'info', format: 'json' }, '/')).toEqual([]);
    const lines = (await requestLines({ level: 'debug', format: 'json' }, '/')).map((line) => JSON.parse(line));
    expect(lines.map(({ level, msg }) => [level, msg])).toEqual([[20, 'incoming request'], [20, 'request completed']]);
  });

  it('leaves quiet requests out even at debug', async () => {
    expect(await requestLines({ level: 'debug', format: 'json' }, '/assets/app.css')).toEqual([]);
  });
});

import { join } from 'node:path';
import { parseConfig } from './config';
import { WORKSPACE_ROOT } from '@logline/testing';

describe('parseConfig --real-logs', () => {
  it('defaults to the loghub samples beside the workspace', () => {
    expect(parseConfig([])).toMatchObject({ realLogs: join(WORKSPACE_ROOT, '..', 'shared', 'data', 'loghub') });
  });

  it('takes a folder that exists', () => {
    expect(parseConfig(['--real-logs', __dirname])).toMatchObject({ realLogs: __dirname });
  });

  it('stops on a folder asked for by name that is not there', () => {
    expect(() => parseConfig(['--real-logs', join(__dirname, 'no-such-folder')])).toThrow(/--real-logs: no folder/);
  });
});

import { parseLogLine } from './detect-format';

/** The replay runs "now" at 2026-01-05 12:00 local time. */
const NOW = new Date(2026, 0, 5, 12, 0, 0).getTime();
const local = (...parts: [number, number, number, number, number, number, number?]): number => new Date(...parts).getTime();

describe('parseLogLine', () => {
  it.each([
    [
      'RFC 3164 syslog without a year',
      'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 rhost=218.188.2.4',
      {
        format: 'syslog-rfc3164', timestampMs: local(2025, 5, 14, 15, 16, 1), level: 'INFO', host: 'combo',
        message: 'authentication failure; logname= uid=0 rhost=218.188.2.4',
        attributes: { process: 'sshd(pam_unix)', pid: '19939' },
      },
    ],
    [
      'RFC 3164 with a priority and a single-digit day',
      '<34>Jan  3 22:14:15 mymachine su: \'su root\' failed for lonvick on /dev/pts/8',
      {
        format: 'syslog-rfc3164', timestampMs: local(2026, 0, 3, 22, 14, 15), level: 'CRITICAL', host: 'mymachine',
        message: "'su root' failed for lonvick on /dev/pts/8", attributes: { process: 'su' },
      },
    ],
    [
      'RFC 5424 with structured data',
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="App\\]lication"] An application event',
      {
        format: 'syslog-rfc5424', timestampMs: Date.UTC(2003, 9, 11, 22, 14, 15, 3), level: 'INFO', host: 'mymachine.example.com',
        message: 'An application event',
        attributes: { app: 'evntslog', msgid: 'ID47', structured_data: '[exampleSDID@32473 iut="3" eventSource="App\\]lication"]' },
      },
    ],
    [
      'RFC 5424 without structured data, with a byte order mark',
      '<34>1 2003-10-11T22:14:15.003+02:00 - su 77 - - \uFEFF\'su root\' failed',
      {
        format: 'syslog-rfc5424', timestampMs: Date.UTC(2003, 9, 11, 20, 14, 15, 3), level: 'CRITICAL',
        message: "'su root' failed", attributes: { app: 'su', pid: '77' },
      },
    ],
    [
      'syslog with an RFC 3339 timestamp (rsyslog high precision)',
      '2024-03-01T10:00:00.123456+01:00 web-1 nginx[812]: upstream timed out (110: Connection timed out)',
      {
        format: 'syslog-rfc3339', timestampMs: Date.UTC(2024, 2, 1, 9, 0, 0, 123), level: 'INFO', host: 'web-1',
        message: 'upstream timed out (110: Connection timed out)', attributes: { process: 'nginx', pid: '812' },
      },
    ],
    [
      'log4j with thread and logger',
      '2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application appattempt_1',
      {
        format: 'log4j', timestampMs: local(2015, 9, 18, 18, 1, 47, 978), level: 'INFO',
        message: 'Created MRAppMaster for application appattempt_1',
        attributes: { thread: 'main', logger: 'org.apache.hadoop.mapreduce.v2.app.MRAppMaster' },
      },
    ],
    [
      'log4j with dashes and a thread holding brackets',
      '2015-07-29 17:41:44,747 - WARN  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200',
      {
        format: 'log4j', timestampMs: local(2015, 6, 29, 17, 41, 44, 747), level: 'WARNING',
        message: 'Notification time out: 3200',
        attributes: { thread: 'QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774' },
      },
    ],
    [
      'logback with the thread before the level',
      '2024-05-06 07:08:09.010 [http-nio-8080-exec-1] FATAL com.example.OrderController - Order 42 failed',
      {
        format: 'log4j', timestampMs: local(2024, 4, 6, 7, 8, 9, 10), level: 'CRITICAL', message: 'Order 42 failed',
        attributes: { thread: 'http-nio-8080-exec-1', logger: 'com.example.OrderController' },
      },
    ],
    [
      'compact log4j (HDFS)',
      '081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating',
      {
        format: 'log4j-compact', timestampMs: local(2008, 10, 9, 20, 36, 15), level: 'INFO',
        message: 'PacketResponder 1 for block blk_38865049064139660 terminating',
        attributes: { pid: '148', logger: 'dfs.DataNode$PacketResponder' },
      },
    ],
    [
      'Apache 2.2 error log',
      '[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6',
      {
        format: 'apache-error', timestampMs: local(2005, 11, 4, 4, 47, 44), level: 'ERROR',
        message: 'mod_jk child workerEnv in error state 6', attributes: {},
      },
    ],
    [
      'Apache 2.4 error log with module, pid and client',
      '[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187:80] File does not exist: /favicon.ico',
      {
        format: 'apache-error', timestampMs: local(2000, 9, 11, 14, 32, 52, 123), level: 'ERROR',
        message: 'File does not exist: /favicon.ico',
        attributes: { module: 'core', pid: '35708:tid 4328636416', client: '72.15.99.187:80' },
      },
    ],
    [
      'a line in no known format, with a time and a level word in it',
      'level=warn ts=2024-01-02T03:04:05Z msg="disk almost full"',
      { format: 'generic', timestampMs: Date.UTC(2024, 0, 2, 3, 4, 5), level: 'WARNING', message: 'level=warn ts=2024-01-02T03:04:05Z msg="disk almost full"', attributes: {} },
    ],
    [
      'a line with neither',
      'sent alert email to the on-call',
      { format: 'generic', timestampMs: NOW, level: 'INFO', message: 'sent alert email to the on-call', attributes: {} },
    ],
  ])('reads %s', (_name, line, expected) => {
    expect(parseLogLine(line, NOW)).toEqual(expected);
  });

  it('puts a syslog date that would be in the future in the previous year', () => {
    expect(parseLogLine('Dec 31 23:59:59 h cron[1]: tick', NOW).timestampMs).toBe(local(2025, 11, 31, 23, 59, 59));
    expect(parseLogLine('Jan  5 11:59:59 h cron[1]: tick', NOW).timestampMs).toBe(local(2026, 0, 5, 11, 59, 59));
  });

  it('takes the level from level words in syslog messages, capitals only for English words', () => {
    expect(parseLogLine('Dec 10 07:51:15 LabSZ sshd[24324]: error: Received disconnect', NOW).level).toBe('ERROR');
    expect(parseLogLine('Jun 15 04:06:20 combo logrotate: ALERT exited abnormally with [1]', NOW).level).toBe('CRITICAL');
    expect(parseLogLine('Jun 15 04:06:20 combo mailer: queued alert for ops', NOW).level).toBe('INFO');
  });

  it('falls back to the generic reading when a known layout holds an impossible date', () => {
    expect(parseLogLine('Feb 30 10:00:00 host app: x', NOW).format).toBe('generic');
    expect(parseLogLine('2015-13-01 10:00:00,000 INFO [main] a.B: x', NOW).format).toBe('generic');
  });
});

import { maskMessage } from './mask-message';
import { MAX_TOKENS } from './variable-rules';

describe('maskMessage masks each kind of variable', () => {
  it.each([
    ['an integer', 'Found child 6725 in scoreboard slot 10', 'Found child <*> in scoreboard slot <*>'],
    ['a signed and a decimal number', 'vCores -17 progress 0.023958297', 'vCores <*> progress <*>'],
    ['a number with a unit', 'read fields took 65020ms, cache: 16K', 'read fields took <*>, cache: <*>'],
    ['hex', 'session 0x14ed93111f20005 event deadbeefcafe in 7317849d', 'session <*> event <*> in <*>'],
    ['a UUID', 'request f47ac10b-58cc-4372-a567-0e02b2c3d479 done', 'request <*> done'],
    ['an IPv4 address', 'Invalid user admin from 173.234.31.186', 'Invalid user admin from <*>'],
    ['an IPv4 address with a port', 'connect to 10.251.73.220:50010 failed', 'connect to <*> failed'],
    ['an IPv6 address', 'peer fe80::1ff:fe23:4567:890a closed', 'peer <*> closed'],
    ['a host name and port', 'Opening proxy : 04DN8IQ.fareast.corp.microsoft.com:54883', 'Opening proxy : <*>'],
    ['a host name with digits and a port', 'Retrying connect to server: msra-sa-41:8030.', 'Retrying connect to server: <*>.'],
    ['a host name without digits', 'reverse mapping for ns.marryaldkfaczcz.com failed', 'reverse mapping for <*> failed'],
    ['a country-code host name', 'rhost biblioteka.wsi.edu.pl refused', 'rhost <*> refused'],
    ['an absolute path', 'removing device node /udev/vcsa2', 'removing device node <*>'],
    ['relative and home paths', 'copy ./build/out.js to ~/backup', 'copy <*> to <*>'],
    ['a Windows path', 'Extract to C:\\Users\\msrabi\\Temp', 'Extract to <*>'],
    ['a URL', 'GET https://example.com/a?b=c failed', 'GET <*> failed'],
    ['a URL of another scheme', 'Default file system [hdfs://msra-sa-41:9000]', 'Default file system [<*>]'],
    ['a single-quoted string with spaces', "Added filter 'safety first' (class)", "Added filter '<*>' (class)"],
    ['a double-quoted string', 'query "select 1 from t" slow', 'query "<*>" slow'],
    ['a quoted value after a key', 'user="bob smith" ok', 'user="<*>" ok'],
    ['key=value values, keeping the key', 'logname= uid=0 euid=0 tty=ssh user=root', 'logname= uid=<*> euid=<*> tty=<*> user=<*>'],
    ['key=value inside brackets', 'session opened by LOGIN(uid=0)', 'session opened by LOGIN(uid=<*>)'],
    ['a value holding "="', 'Kernel command line: ro root=LABEL=/ rhgb', 'Kernel command line: ro root=<*> rhgb'],
    ['key:number values, keeping the key', 'limit <memory:10240, vCores:-17 cxid:0x55b8bb0f', 'limit <memory:<*>, vCores:<*> cxid:<*>'],
    ['a date after a key', 'expired at=Jun 14 15:16:01, retrying', 'expired at=<*>, retrying'],
    ['ids holding digits', 'Deleting block blk_-6952295868487656571 of attempt_1445144423722_0020_m_000000_0', 'Deleting block <*> of <*>'],
    ['a long digit run inside a word', 'hello user12345', 'hello <*>'],
    ['short hashes and ids that start with a hex letter', 'deploy a3f9c2d charged ord_c0ffee1 on bd4e1f by dec0de3 at beef42 via abcde12', 'deploy <*> charged <*> on <*> by <*> at <*> via <*>'],
  ])('%s', (_kind, message, template) => {
    expect(maskMessage(message)).toBe(template);
  });

  it.each([
    ['ISO 8601', 'started at 2026-11-28T17:00:00.123Z ok', 'started at <*> ok'],
    ['ISO 8601 with a space', 'started at 2015-10-18 18:01:47,978 ok', 'started at <*> ok'],
    ['syslog', 'last seen Jun 14 15:16:01 here', 'last seen <*> here'],
    ['ctime with a year', 'connection from 1.2.3.4 () at Sat Jul  9 22:53:22 2005', 'connection from <*> () at <*>'],
    ['ctime with a zone', '#1 Sat May 8 09:04:50 EDT 2004', '<*>'],
    ['RFC 1123', 'expires Mon, 02 Jan 2006 15:04:05 -0700 now', 'expires <*> now'],
    ['the common log format', 'at [04/Dec/2005:04:47:44 +0000] GET', 'at [<*>] GET'],
  ])('a date or time: %s', (_kind, message, template) => {
    expect(maskMessage(message)).toBe(template);
  });
});

describe('maskMessage keeps near-misses literal', () => {
  it.each([
    ['names with a short digit', 'Failed password for root ssh2 log4j IPv4 e820 sha256 tty2', 'Failed password for root ssh2 log4j IPv4 e820 sha256 tty2'],
    ['a function call', 'jk2_init() Found child', 'jk2_init() Found child'],
    ['apostrophes inside words', "Couldn't authenticate user, can't get client address", "Couldn't authenticate user, can't get client address"],
    ['slashes inside words', 'read and/or write, reqpath:n/a', 'read and/or write, reqpath:n/a'],
    ['dotted names that are not hosts', 'java.io.IOException: in Node.js mice.c org.apache.hadoop.mapreduce.Job', 'java.io.IOException: in Node.js mice.c org.apache.hadoop.mapreduce.Job'],
    ['an empty value', 'logname= ruser= rhost=', 'logname= ruser= rhost='],
    ['key:word pairs', 'Auth successful (auth:SIMPLE) type:create', 'Auth successful (auth:SIMPLE) type:create'],
    ['bracketed and punctuated words', '[preauth] ERROR: (c) Bye Bye!', '[preauth] ERROR: (c) Bye Bye!'],
    ['month and weekday names that are not dates', 'May I ask, on Sat we meet', 'May I ask, on Sat we meet'],
    ['short hex-letter words', 'added a decade of faced beads', 'added a decade of faced beads'],
    ['short or non-hex words with digits', 'codec base64 aes128 fe80 a1b2c de4g56 acced', 'codec base64 aes128 fe80 a1b2c de4g56 acced'],
  ])('%s', (_kind, message, template) => {
    expect(maskMessage(message)).toBe(template);
  });
});

describe('maskMessage shapes the template', () => {
  it('normalises whitespace, so spacing never splits a pattern', () => {
    expect(maskMessage('  Send\tworker   leaving\r\nthread  ')).toBe('Send worker leaving thread');
  });

  it('collapses adjacent variables, so lists of any length share a template', () => {
    const two = maskMessage('ask 10.250.17.177:50010 to delete blk_-857 blk_-912');
    const four = maskMessage('ask 10.250.17.177:50010 to delete blk_-857 blk_-912 blk_765 blk_-31');
    expect(two).toBe('ask <*> to delete <*>');
    expect(four).toBe(two);
  });

  it('keeps the masked part between wrappers', () => {
    expect(maskMessage('[client 10.0.0.1] Directory index forbidden by rule: /var/www/html/')).toBe(
      '[client <*>] Directory index forbidden by rule: <*>',
    );
  });

  it(`reads only the first ${MAX_TOKENS} tokens`, () => {
    const head = Array.from({ length: MAX_TOKENS }, (_, index) => `word${String.fromCharCode(97 + (index % 26))}`).join(' ');
    expect(maskMessage(`${head} tail one`)).toBe(maskMessage(`${head} other tail`));
    expect(maskMessage(`${head} tail`).split(' ')).toHaveLength(MAX_TOKENS);
  });

  it('gives an empty or blank message an empty template', () => {
    expect(maskMessage('')).toBe('');
    expect(maskMessage(' \t ')).toBe('');
  });
});

/**
 * Realistic messages for checking another implementation of the masker (the SQL column default)
 * against derivePattern: each rule of variable-rules.ts fires in several of them, near-misses
 * stay literal, and whitespace, wrappers, Unicode and length reach the edge cases.
 */
export const PATTERN_TEST_MESSAGES: readonly string[] = [
  // Message rules: dates written with words (ctime, syslog, RFC 1123, common log format).
  'Sat Jul 9 22:53:22 2005 server restarted',
  'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4',
  'session expires Mon, 02 Jan 2006 15:04:05 -0700 for user bob',
  '10.0.0.7 - - [04/Dec/2005:04:47:44 +0000] "GET /index.html HTTP/1.1" 200 2326',
  'backup finished at Sat May 8 09:04:50 EDT 2004 (took 12s)',
  'cron ran Tue, 9 Dec 2025 03:00 UTC and Wed Dec 10 03:00:00 2025',
  'March came and May I say nothing dated here',
  // Quoted strings after a delimiter; apostrophes inside words stay.
  "user='safety first' logged in",
  'payment failed: reason="card declined by issuer" amount=42.50 currency=EUR',
  "can't open file 'config.yaml': permission denied",
  'query (\'select 1\') returned [\'a b\'] and "x y z"',
  "it's the user's choice, don't retry",
  // URLs, key=value (the key kept), key:number.
  'fetching https://api.example.com/v1/orders?id=77 failed',
  'redirect to ftp://files.internal/pub/x.tar.gz',
  'GC pause vCores:-17 cxid:0x55b8bb0f zxid:0x1000000c7 heap=512M',
  'root=LABEL=/ rw quiet splash',
  'connect to <memory:1024, vCores:1> ok',
  'auth:SIMPLE user:admin state:OPEN',
  // Numbers, IPs, host:port, times, versions, UUIDs, hex ids.
  'Failed password for root from 173.234.31.186 port 38926 ssh2',
  'Received block blk_-1608999687919862906 of size 91178 from /10.250.10.6',
  'request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 took 238ms on node-12:8080',
  'upgraded openssl 1.1.1k -> 3.0.2 at 12:01:33.456',
  'checksum deadbeefcafebabe mismatch for chunk 7',
  'deployed a3f9c2d (ord_c0ffee1, cart=bd4e1f) then dec0de3 and beef42; codec base64 aes128 fe80 a1b2c',
  'user12345 reached quota 95% (9.5G of 10G)',
  'msra-sa-41 lost contact with msra-sa-42',
  'memory e820 map ok, log4j ready, ssh2 enabled, tty2 attached',
  'retrying in 5s (attempt 3/10)',
  'latency p99=1.25e3us p50=12us',
  // Paths and host names.
  'opened /var/log/nginx/access.log and ./conf/app.yml and ~/notes.txt',
  'wrote C:\\Users\\bob\\report.docx',
  'resolved biblioteka.wsi.edu.pl and mail.example.com via dns.local',
  'Node.js and mice.c and java.io.IOException: stay as they are',
  'and/or n/a are words, not paths',
  // Wrappers around variables.
  'session opened for user cyrus by (uid=0)',
  'jk2_init() Found child 6725 in scoreboard slot 10',
  'values [1, 2, 3] {a: 4} ("5")',
  'done!!! (ok). [12]. {x=1};',
  '(( )) \'\'\' "" [] {}',
  // Runs of variables collapse; whitespace of every kind.
  'ids 1 2 3 4 5 then 6.7.8.9 10:11',
  '  lead\tand  trail  ',
  'tab\tseparated\tvalues\t42\r\nand a new line\vvertical\fform feed',
  // Unicode and length.
  'ünïcödé 123 größe=5 日本語 host8.topspot.net',
  'sesión abierta para 10.1.2.3 — ok',
  `${'x'.repeat(10)} 1 2 3 ${Array.from({ length: 80 }, (_, index) => `w${String.fromCharCode(97 + (index % 26))}`).join(' ')}`,
  `stack ${Array.from({ length: 70 }, (_, index) => `at frame${index} (File.java:${index})`).join(' ')}`,
  '',
  'x',
  '<*> already masked <*>',
];

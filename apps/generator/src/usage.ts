export const USAGE = `Usage: node dist/apps/generator/main.js [flags]

Sends realistic log events (or the lines of a log file) to Logline's ingest.

  --target URL           http(s)://host:port/path: NDJSON POSTs; tcp://host:port: NDJSON
                         lines (default http://127.0.0.1:4000/api/v1/ingest)
  --rate N               events per second per producer, decimals allowed; 0 = as fast as the
                         target accepts (default 1; with --replay 0)
  --count N              stop after N events per producer (default: run until stopped)
  --batch N              events per request / write (default 500)
  --seed N               same seed, same events (levels, sources, messages, attributes)
  --producer ID          producer_id (default: a random gen-xxxxxx)
  --producers N          producers in this process, each with its own producer_id (ID-0, ID-1,
                         ...) and seq from 0 (default 1)
  --sources a,b,c        sources to simulate; auth, payment, search and profile have their own
                         messages (default auth,payment,search,profile)
  --profile P            steady | burst (10x the rate for 3 s every 30 s) | wave (a day's
                         traffic curve every 4 minutes) (default steady)
  --levels L,L           generate only these levels, in their usual proportions, e.g.
                         --levels CRITICAL for a burst of critical events (default: all)
  --replay FILE          send the lines of a log file (syslog, log4j, Apache error log, or
                         any text) instead of generated events; needs --source. Lines that
                         continue an event (stack traces, tracebacks) are sent joined to it
  --source NAME          the source of replayed events
  --replay-time T        original (default): the times in the file; now: shifted so the last
                         line is now, gaps kept (old files fall outside the api's retention)
  --retry-deadline D     give up on a batch unacknowledged this long: 500ms, 30s, 5m, 1h
                         (default 5m)
  --spool FILE           keep unacknowledged batches in FILE; a restart with the same --spool
                         and --producer resends them first and continues their seq
  --metrics-port N       serve Prometheus metrics on GET /metrics at this port (0: any
                         free port; the URL is printed on stderr): events sent, acked,
                         failed and in flight, retries, process metrics
  --metrics-host H       address for --metrics-port (default 127.0.0.1)
  --token-file FILE      ingest token for a secured target (API_TOKENS_FILE on the api, Vector's
                         token): sent as Authorization: Bearer over HTTP, and as the first line
                         {"token":"..."} of every TCP connection; LOGLINE_TOKEN=... instead
                         gives it in the environment (never as a flag, which \`ps\` shows)
  -h, --help             show this help
  --version              print Logline's version

On exit it prints one JSON line per producer:
  {"producer_id":"...","sent":N,"acked":N,"failed":N,"first_seq":A,"last_seq":B}
and exits 0 only if every event sent was acknowledged. Ctrl-C (SIGINT) or SIGTERM stops
generating and waits up to 10 s for deliveries in flight; a second Ctrl-C quits at once.
Exit codes: 0 all acknowledged, 1 some not, 2 bad flags.
`;

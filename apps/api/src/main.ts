/**
 * The api's command line: `main.js` (or `main.js serve`) runs the api; `main.js migrate` applies
 * the schema migrations and exits (server mode, with a DDL-capable user); `main.js schema-sql`
 * prints the DDL for the configuration without connecting; `main.js token NAME
 * SCOPES` prints a new API token and the entry to add to API_TOKENS_FILE; `main.js check-alerts
 * FILE` validates an alert rules file (for the CI of the repository that holds it) and exits;
 * `main.js --version` prints Logline's version.
 */
import type { Logger } from 'pino';
import { Store } from '@logline/ch-client';
import { createLogger } from '@logline/logging';
import { LOGLINE_VERSION } from '@logline/version';
import { loadAlertRules } from './alerts/load-alert-rules';
import { createToken, SCOPES, type Scope } from './auth/token-store';
import { loadConfig, type ApiConfig } from './config';
import { renderConfiguredSchema } from './schema-sql';
import { serve } from './server';
import { openConfiguredStorage } from './storage';

const USAGE = `usage: main.js [serve] | migrate | schema-sql | token NAME SCOPES | check-alerts FILE | --version   (SCOPES: comma-separated ${SCOPES.join(', ')})`;

async function main(): Promise<void> {
  const [command = 'serve', ...args] = process.argv.slice(2);
  if (command === '--version') {
    process.stdout.write(`${LOGLINE_VERSION}\n`);
    return;
  }
  if (command === 'token') return printNewToken(args);
  if (command === 'check-alerts') return checkAlertRules(args);
  const config = readConfigOrExit();
  if (command === 'schema-sql') {
    process.stdout.write(renderConfiguredSchema(config));
    return;
  }
  const log = createLogger(config.log);
  if (command === 'serve') return serve(config, log);
  if (command === 'migrate') return migrate(config, log);
  fail(USAGE, 2);
}

async function migrate(config: ApiConfig, log: Logger): Promise<void> {
  const store = new Store(openConfiguredStorage(config), { retentionDays: config.retentionDays, indexedAttributes: config.indexedAttributes });
  const report = await store.migrate();
  log.info({ applied: report.applied }, 'schema is at version %d', report.version);
  await store.close();
}

function printNewToken([name, scopeList]: string[]): void {
  const scopes = (scopeList ?? '').split(',').filter(Boolean);
  if (!name || scopes.length === 0 || !scopes.every((scope) => (SCOPES as readonly string[]).includes(scope))) fail(USAGE, 2);
  const { token, entry } = createToken(name, scopes as Scope[]);
  process.stdout.write(`token (shown once; give it to the client): ${token}\n`);
  process.stdout.write(`entry for API_TOKENS_FILE (a JSON array of these): ${JSON.stringify(entry)}\n`);
}

function checkAlertRules([file]: string[]): void {
  if (!file) fail(USAGE, 2);
  try {
    const { rules, receivers } = loadAlertRules(file);
    process.stdout.write(`${file}: ${rules.length} rules, ${receivers.length} receivers: ok\n`);
  } catch (error) {
    fail((error as Error).message, 2);
  }
}

function readConfigOrExit(): ApiConfig {
  try {
    return loadConfig();
  } catch (error) {
    return fail(`logline api: invalid configuration:\n  ${(error as Error).message}`, 2);
  }
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

main().catch((error: unknown) => fail(`logline api: ${(error as Error).message}`, 1));

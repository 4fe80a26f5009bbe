/**
 * The web's command line: `main.js` (or `main.js serve`) reads the config, builds the app,
 * listens and closes cleanly on a signal; `main.js hash-password` prints a password hash (or a
 * WEB_USERS_FILE entry) for the password on stdin; `main.js --version` prints Logline's version.
 */
import closeWithGrace from 'close-with-grace';
import { LOGLINE_VERSION } from '@logline/version';
import { buildApp } from './app';
import { HASH_PASSWORD_USAGE, hashPasswordLine, parseHashPasswordArgs } from './cli/hash-password';
import { readPassword } from './cli/read-password';
import { ConfigError, loadConfig, type WebConfig } from './config';

async function main(): Promise<void> {
  const [command = 'serve', ...args] = process.argv.slice(2);
  if (command === '--version') {
    process.stdout.write(`${LOGLINE_VERSION}\n`);
    return;
  }
  if (command === 'hash-password') return printPasswordHash(args);
  if (command !== 'serve') fail(`usage: main.js [serve] | --version\n${HASH_PASSWORD_USAGE}`, 2);
  const config = readConfigOrExit();
  const app = await buildApp(config);
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ host: config.host, port: config.port });
}

async function printPasswordHash(args: string[]): Promise<void> {
  try {
    const request = parseHashPasswordArgs(args);
    process.stdout.write(`${await hashPasswordLine(request, await readPassword())}\n`);
  } catch (error) {
    fail(`hash-password: ${(error as Error).message}`, 2);
  }
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readConfigOrExit(): WebConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`web failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { startServer } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { demoAccounts, demoPassword } from './demo/seed.js';

/** Entry point of `npm start`: validated configuration, then the app on one port. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Veelzijdig cannot start: invalid configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let server;
  try {
    server = await startServer(config);
  } catch (error) {
    // A start that cannot go on says why in one line (a missing audit key, a taken port…).
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use (set PORT to another one)`
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`Veelzijdig cannot start: ${reason}`);
    process.exit(1);
  }
  console.log(`\nVeelzijdig runs at ${server.url}`);
  // Where the data is, never the URL itself (it may hold a password).
  const where = config.storage.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir;
  const instances = config.instances.redisUrl ? `; one of several instances (${config.instances.name})` : '';
  console.log(`Data: ${where}${server.seeded ? ' (demo neighbourhood created)' : ''}${instances}`);
  if (config.demoData) {
    console.log(`Demo accounts (password: ${demoPassword}):`);
    for (const account of demoAccounts) console.log(`  ${account.username.padEnd(8)} ${account.what}`);
  }
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();

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
  const server = await startServer(config);
  console.log(`\nVeelzijdig runs at ${server.url}`);
  console.log(`Data: ${config.dataDir}${server.seeded ? ' (demo neighbourhood created)' : ''}`);
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

import { readToken, tlsFiles } from '@mgmt/agent';
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../run-config.js';
import type { Io } from './index.js';

/** `mgmt token --data-dir DIR`: prints the cluster's join token from a member's (or any agent's) data directory. */
export function registerToken(program: Command, io: Io): void {
  program
    .command('token')
    .description("print the cluster's join token (from an agent's data directory; give it to new hosts as --token)")
    .requiredOption('--data-dir <path>', 'the data directory of an agent of the cluster; env MGMT_DATA_DIR', process.env.MGMT_DATA_DIR)
    .action((opts: { dataDir: string }) => {
      const dir = path.resolve(opts.dataDir);
      if (!fs.existsSync(tlsFiles(dir).token)) throw new ConfigError(`--data-dir: ${dir} holds no join token (only agents started with --token have one)`);
      io.out(`${readToken(dir)}\n`);
    });
}

import type { Command } from 'commander';
import { version } from '../version.js';
import type { Io } from './index.js';

/** `mgmt version`: prints the version. */
export function registerVersion(program: Command, io: Io): void {
  program
    .command('version')
    .description('print the version')
    .action(() => io.out(`mgmt ${version}\n`));
}

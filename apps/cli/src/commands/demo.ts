import { runDemo } from '@mgmt/agent';
import type { Command } from 'commander';
import path from 'node:path';
import { ConfigError } from '../run-config.js';
import { UrlError, parseUrl } from '../urls.js';
import type { Io } from './index.js';

/** The flags of `mgmt demo`, as commander collected them. */
export interface DemoFlags {
  agents: string;
  idealClusterSize: string;
  basePort: string;
  statusUrl: string;
  dataDir?: string;
}

/** Validates the demo's flags; every problem is one ConfigError naming the flag. */
export function resolveDemoFlags(flags: DemoFlags) {
  const int = (flag: string, text: string, min: number, max: number): number => {
    const n = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new ConfigError(`${flag}: ${JSON.stringify(text)} is not an integer from ${min} to ${max}`);
    }
    return n;
  };
  const agents = int('--agents', flags.agents, 1, 32);
  const idealClusterSize = int('--ideal-cluster-size', flags.idealClusterSize, 1, 1_000);
  const basePort = int('--base-port', flags.basePort, 0, 65535);
  if (basePort !== 0 && basePort + 2 * (agents - 1) > 65535) throw new ConfigError(`--base-port: ${basePort} leaves no room for ${agents} agents (ports base, base+2, ...)`);
  let statusUrl: string;
  try {
    statusUrl = parseUrl('--status-url', flags.statusUrl, 'client');
  } catch (err) {
    if (err instanceof UrlError) throw new ConfigError(err.message, { cause: err });
    throw err;
  }
  return { agents, idealClusterSize, basePort, statusUrl, ...(flags.dataDir === undefined ? {} : { dataDir: path.resolve(flags.dataDir) }) };
}

/** `mgmt demo`: a local cluster of agents as worker threads in this process, with its live status page. */
export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description('start a local cluster of agents as worker threads in this process, with a live status page')
    .option('--agents <n>', 'how many agents (worker threads)', '5')
    .option('--ideal-cluster-size <n>', 'how many of them should be members; the rest wait as volunteers', '3')
    .option('--base-port <port>', 'client port of h1; h2 gets base+2, h3 base+4, ...; 0 picks free ports', '2379')
    .option('--status-url <url>', 'where to serve the status page and /metrics', 'http://127.0.0.1:8080')
    .option('--data-dir <path>', 'where the agents keep their data (default: a temporary directory removed on exit)')
    .action(async (flags: DemoFlags) => {
      const options = resolveDemoFlags(flags);
      await runDemo(options, (line) => io.out(`${line}\n`));
    });
}

import { ClusterClient, JOIN_TOKEN_KEY, readToken, saveToken, sealTokenRecord, tlsFiles } from '@mgmt/agent';
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resolveClientTls } from '../client-tls.js';
import { ConfigError } from '../run-config.js';
import type { Io } from './index.js';

function dataDirOf(opts: { dataDir?: string }): string {
  const given = opts.dataDir ?? process.env.MGMT_DATA_DIR;
  if (given === undefined) throw new ConfigError('--data-dir: needed (the data directory of an agent started with --token)');
  const dir = path.resolve(given);
  if (!fs.existsSync(tlsFiles(dir).token)) throw new ConfigError(`--data-dir: ${dir} holds no join token (only agents started with --token have one)`);
  return dir;
}

/**
 * `mgmt token --data-dir DIR` prints the cluster's join token; `mgmt token
 * rotate --data-dir DIR` (on a member's host: it needs the CA key) replaces
 * it on every member, so the old one is refused for new joins; members and
 * agents that already joined keep their certificates.
 */
export function registerToken(program: Command, io: Io): void {
  const token = program
    .command('token')
    .description("print the cluster's join token (from an agent's data directory; give it to new hosts as --token)")
    .option('--data-dir <path>', 'the data directory of an agent of the cluster; env MGMT_DATA_DIR')
    .action((opts: { dataDir?: string }) => {
      io.out(`${readToken(dataDirOf(opts))}\n`);
    });

  token
    .command('rotate')
    .description('replace the join token on every member (the old one is refused for new joins); prints the new one')
    .option('--data-dir <path>', "a member's data directory (it holds the CA key); env MGMT_DATA_DIR")
    .option('--endpoints <urls>', "client URLs of any members (default https://127.0.0.1:2379)")
    .option('--token <secret>', 'the new token (default: 32 random characters)')
    .action(async (_opts: unknown, cmd: Command) => {
      // --data-dir may be parsed by `token` itself (it has the option too).
      const opts = cmd.optsWithGlobals<{ dataDir?: string; endpoints?: string; token?: string }>();
      const dir = dataDirOf(opts);
      const caKeyFile = tlsFiles(dir).caKey;
      if (!fs.existsSync(caKeyFile)) throw new ConfigError(`--data-dir: ${dir} holds no CA key; run this with the data directory of a member`);
      if (opts.token === '') throw new ConfigError('--token: the join token is empty');
      const next = opts.token ?? randomBytes(24).toString('base64url');
      const { endpoints, tls } = resolveClientTls({ dataDir: dir, endpoints: opts.endpoints });
      const client = new ClusterClient(endpoints, undefined, tls);
      try {
        await client.put(JOIN_TOKEN_KEY, sealTokenRecord(fs.readFileSync(caKeyFile, 'utf8'), next, randomBytes(12)));
      } finally {
        client.close();
      }
      saveToken(dir, next);
      io.out(`${next}\n`);
    });
}

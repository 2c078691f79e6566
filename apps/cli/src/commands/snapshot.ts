import { RestoreError, restoreSnapshot } from '@mgmt/agent';
import type { Command } from 'commander';
import path from 'node:path';
import { ConfigError, defaultServerUrl } from '../run-config.js';
import { UrlError, parseUrlList } from '../urls.js';
import type { Io } from './index.js';

/**
 * `mgmt snapshot restore FILE --data-dir DIR --hostname NAME`: a new
 * cluster of one from a snapshot file (`etcdctl snapshot save`), as
 * `etcdctl snapshot restore` does; start it with `mgmt run --hostname NAME
 * --data-dir DIR` and grow it with `--seeds` as usual.
 */
export function registerSnapshot(program: Command, io: Io): void {
  const snapshot = program.command('snapshot').description('restore a snapshot taken with `etcdctl snapshot save`');
  snapshot
    .command('restore <file>')
    .description('make a data directory that starts a new cluster of one from the snapshot (new cluster id; the old members are dropped)')
    .option('--data-dir <path>', 'the new data directory (must not exist or be empty); env MGMT_DATA_DIR')
    .option('--hostname <name>', 'the host the restored member runs on (give the same to mgmt run); env MGMT_HOSTNAME')
    .option('--server-urls <urls>', `the restored member's peer URLs; env MGMT_SERVER_URLS (default ${defaultServerUrl})`)
    .action(async (file: string, opts: { dataDir?: string; hostname?: string; serverUrls?: string }) => {
      const dataDir = opts.dataDir ?? process.env.MGMT_DATA_DIR;
      if (!dataDir) throw new ConfigError('--data-dir: needed (where the restored member keeps its data)');
      const hostname = opts.hostname ?? process.env.MGMT_HOSTNAME;
      if (!hostname) throw new ConfigError('--hostname: needed (the name the restored member runs under)');
      try {
        const peerUrls = parseUrlList('--server-urls', opts.serverUrls ?? process.env.MGMT_SERVER_URLS ?? defaultServerUrl, 'peer');
        const done = await restoreSnapshot({ file, dataDir: path.resolve(dataDir), hostname, peerUrls });
        io.out(`restored ${file} into ${path.resolve(dataDir)}: cluster ${done.clusterId}, member ${done.memberId.toString(16)} (${hostname}), revision ${done.revision}\n`);
        io.out(`start it with: mgmt run --hostname ${hostname} --data-dir ${path.resolve(dataDir)}\n`);
      } catch (err) {
        if (err instanceof RestoreError || err instanceof UrlError) throw new ConfigError(err.message, { cause: err });
        throw err;
      }
    });
}

import { ClusterClient } from '@mgmt/agent';
import type { Command } from 'commander';
import { resolveClientTls, type ClientTlsFlags } from '../client-tls.js';
import { authTokenFor, registerCtlAuth } from './ctl-auth.js';
import type { Io } from './index.js';

/** Where `mgmt ctl` connects (--endpoints, else MGMT_SEEDS, else the default client URL), and with which TLS. */
async function withClient<T>(cmd: Command, fn: (c: ClusterClient) => Promise<T>): Promise<T> {
  const { endpoints, tls } = resolveClientTls(cmd.optsWithGlobals<ClientTlsFlags>());
  const client = new ClusterClient(endpoints, undefined, tls);
  try {
    client.setAuthToken(await authTokenFor(cmd));
    return await fn(client);
  } finally {
    client.close();
  }
}

/**
 * `mgmt ctl`: the everyday store operations, printed as etcdctl prints them
 * (key and value on their own lines), for hosts without etcdctl.
 */
export function registerCtl(program: Command, io: Io): void {
  const ctl = program
    .command('ctl')
    .description('talk to the cluster store as etcdctl would (get, put, del, member list)')
    .option('--endpoints <urls>', 'client URLs of any members; env MGMT_SEEDS (default http://127.0.0.1:2379, https:// with TLS)')
    .option('--cacert <path>', 'CA certificate to verify the servers with (TLS)')
    .option('--cert <path>', 'client certificate (TLS)')
    .option('--key <path>', 'key of --cert')
    .option('--data-dir <path>', "an agent's data directory: use its tls/ca.crt, client.crt and client.key");
  registerCtlAuth(ctl, io);

  ctl
    .command('get <key>')
    .description('print a key (or every key under it with --prefix) and its value')
    .option('--prefix', 'every key that starts with <key>')
    .action(async (key: string, opts: { prefix?: boolean }, cmd: Command) => {
      const kvs = await withClient(cmd, async (c) => (opts.prefix ? c.getPrefix(key) : [await c.get(key)].filter((kv) => kv !== undefined)));
      io.out(kvs.map((kv) => `${kv.key}\n${kv.value}\n`).join(''));
    });

  ctl
    .command('put <key> <value>')
    .description('write a key')
    .action(async (key: string, value: string, _opts: unknown, cmd: Command) => {
      await withClient(cmd, (c) => c.put(key, value));
      io.out('OK\n');
    });

  ctl
    .command('del <key>')
    .description('delete a key (or every key under it with --prefix); prints how many')
    .option('--prefix', 'every key that starts with <key>')
    .action(async (key: string, opts: { prefix?: boolean }, cmd: Command) => {
      const n = await withClient(cmd, async (c) => {
        const keys = opts.prefix ? (await c.getPrefix(key)).map((kv) => kv.key) : [key];
        let deleted = 0;
        for (const k of keys) deleted += await c.delete(k);
        return deleted;
      });
      io.out(`${n}\n`);
    });

  ctl
    .command('member')
    .description('member list: the Raft members as etcdctl prints them')
    .argument('<action>', 'list')
    .action(async (action: string, _opts: unknown, cmd: Command) => {
      if (action !== 'list') throw new Error(`ctl member: unknown action ${JSON.stringify(action)} (expected list)`);
      const members = await withClient(cmd, (c) => c.memberList());
      io.out(
        members
          .map((m) => `${Number(m.ID).toString(16)}, ${m.name ? 'started' : 'unstarted'}, ${m.name ?? ''}, ${(m.peerURLs ?? []).join(',')}, ${(m.clientURLs ?? []).join(',')}, ${m.isLearner ? 'true' : 'false'}\n`)
          .join(''),
      );
    });
}

/**
 * How `mgmt ctl` and `mgmt status` reach a TLS cluster: etcdctl's flags
 * (`--cacert`, `--cert`, `--key`) or `--data-dir` of an agent of the host
 * (its `tls/ca.crt`, `tls/client.crt`, `tls/client.key`, written by the
 * token PKI). With any of them, endpoints are dialled with TLS (as etcdctl
 * does), `https://127.0.0.1:2379` by default.
 */
import { adminCredentialFiles, tlsFiles, type DialTls } from '@mgmt/agent';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './run-config.js';
import { parseUrlList } from './urls.js';

/** The client TLS flags. */
export interface ClientTlsFlags {
  endpoints?: string;
  cacert?: string;
  cert?: string;
  key?: string;
  dataDir?: string;
}

function read(flag: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new ConfigError(`${flag}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** The endpoints and TLS a client command uses; throws one ConfigError on bad input. */
export function resolveClientTls(flags: ClientTlsFlags, env: Record<string, string | undefined> = process.env): { endpoints: string[]; tls: DialTls | undefined } {
  const files = flags.dataDir !== undefined ? tlsFiles(path.resolve(flags.dataDir)) : undefined;
  if (files && !fs.existsSync(files.ca)) throw new ConfigError(`--data-dir: ${files.ca} does not exist (an agent with --token writes it)`);
  // The data directory's admin credential (CN root: etcd's root user once auth is on) when the host has one, else the agent's own.
  const admin = flags.dataDir !== undefined ? adminCredentialFiles(path.resolve(flags.dataDir)) : undefined;
  const own = admin && fs.existsSync(admin.cert) && fs.existsSync(admin.key) ? admin : files;
  const cacert = flags.cacert ?? files?.ca;
  const cert = flags.cert ?? own?.cert;
  const key = flags.key ?? own?.key;
  if ((cert === undefined) !== (key === undefined)) throw new ConfigError(cert === undefined ? '--cert: needed with --key' : '--key: needed with --cert');
  const tls: DialTls | undefined =
    cacert === undefined && cert === undefined
      ? undefined
      : {
          ca: cacert === undefined ? undefined : read(flags.cacert !== undefined ? '--cacert' : '--data-dir', cacert),
          identity: cert !== undefined && key !== undefined ? { cert: read(flags.cert !== undefined ? '--cert' : '--data-dir', cert), key: read(flags.key !== undefined ? '--key' : '--data-dir', key) } : undefined,
        };
  const given = flags.endpoints ?? env.MGMT_SEEDS;
  const endpoints = parseUrlList('--endpoints', given ?? (tls ? 'https://127.0.0.1:2379' : 'http://127.0.0.1:2379'), 'seed');
  // As etcdctl: TLS flags mean TLS, whatever the scheme (a bare host:port reads as http).
  return { endpoints: tls ? endpoints.map((u) => u.replace(/^http:\/\//, 'https://')) : endpoints, tls };
}

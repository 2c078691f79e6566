/**
 * The TLS rows of the side-by-side benchmark: the put and read workloads of
 * `tools:bench`, from the same load-generator child, against a 3-member etcd
 * with its TLS flags (https client and peer URLs, client and peer
 * certificate auth, certificates made with openssl) and a 3-member mgmt
 * cluster started with a join token (https everywhere, the automatic PKI).
 * Prints the table and writes tools/out/bench-tls.md.
 *
 * Usage: npx tsx src/bench/tls-main.ts [--put-clients 1,64] [--read-clients 64] [--duration-ms N]
 */
import { makeTestCa } from '@mgmt/transport/testing';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEtcdCluster } from './etcd-cluster.js';
import { startMgmtCluster } from './mgmt-cluster.js';
import { leaderFirst, log, startSession, writeTable } from './side-by-side.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'put-clients': { type: 'string', default: '1,64' }, 'read-clients': { type: 'string', default: '64' }, 'duration-ms': { type: 'string', default: '5000' } },
  });
  const putClients = values['put-clients'].split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const readClients = Number(values['read-clients']);
  const timing = { warmupMs: 1_000, durationMs: Number(values['duration-ms']) };
  const session = startSession();
  try {
    const ca = makeTestCa(path.join(session.workDir, 'pki'), 'bench-ca');
    const etcdDir = path.join(session.workDir, 'etcd-tls');
    const mgmtDir = path.join(session.workDir, 'mgmt-tls');
    fs.mkdirSync(etcdDir, { recursive: true });
    fs.mkdirSync(mgmtDir, { recursive: true });
    const clusters = {
      etcd: await startEtcdCluster(session.registry, 3, etcdDir, { ca }),
      mgmt: await startMgmtCluster(session.registry, { size: 3, dir: mgmtDir, token: randomBytes(18).toString('base64url') }),
    };
    const endpoints = { etcd: await leaderFirst(clusters.etcd), mgmt: await leaderFirst(clusters.mgmt) };
    log('etcd and mgmt: 3 members each, TLS with client certificates');
    for (const clients of putClients) {
      await session.run(`put, ${clients} client${clients === 1 ? '' : 's'}`, (s) => ({ kind: 'put', endpoints: endpoints[s], tls: clusters[s].tls, clients, valueBytes: 256, keySpace: 10_000, ...timing }));
    }
    for (const serializable of [false, true]) {
      await session.run(`${serializable ? 'serializable' : 'linearizable'} read, ${readClients} clients`, (s) => ({ kind: 'read', endpoints: endpoints[s], tls: clusters[s].tls, clients: readClients, serializable, ...timing }));
    }
  } finally {
    session.close();
  }
  writeTable({ file: 'bench-tls.md', title: 'etcd vs mgmt with TLS on both sides', header: '| workload (TLS, client certificates) | etcd | mgmt (--token) | mgmt/etcd throughput |', rows: session.rows, loadStart: session.loadStart, timing });
}

await main();

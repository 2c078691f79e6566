/**
 * A real etcd 3.4 (`/usr/bin/etcd`, Debian's etcd-server) for side-by-side
 * tests: one member on free loopback ports with a temporary data directory,
 * plaintext or TLS with client certificates (--client-cert-auth).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort, tempDir, waitFor } from './helpers.js';

/** A running etcd. */
export interface RealEtcd {
  /** host:port of its client URL. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** TLS of the client URL: etcd's --cert-file, --key-file, --trusted-ca-file and --client-cert-auth. */
export interface RealEtcdTls {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts etcd; resolves once its client port accepts connections. */
export async function startRealEtcd(tls?: RealEtcdTls): Promise<RealEtcd> {
  const tmp = tempDir('real-etcd-');
  const clientPort = await freePort();
  const peerPort = await freePort();
  const scheme = tls ? 'https' : 'http';
  const clientUrl = `${scheme}://127.0.0.1:${clientPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const args = [
    '--name', 'ref', '--data-dir', `${tmp.dir}/data`,
    '--listen-client-urls', clientUrl, '--advertise-client-urls', clientUrl,
    '--listen-peer-urls', peerUrl, '--initial-advertise-peer-urls', peerUrl,
    '--initial-cluster', `ref=${peerUrl}`, '--log-level', 'error', '--logger', 'zap',
    ...(tls ? ['--cert-file', tls.cert, '--key-file', tls.key, '--trusted-ca-file', tls.ca, '--client-cert-auth'] : []),
  ];
  const child: ChildProcess = spawn('etcd', args, { stdio: 'ignore' });
  const exited = new Promise((r) => child.once('exit', r));
  await waitFor('etcd listening', () => accepts(clientPort), 30_000);
  return {
    endpoint: `127.0.0.1:${clientPort}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      tmp.cleanup();
    },
  };
}

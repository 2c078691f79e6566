import { ClusterClient, normalizeSerial, revokedKey } from '@mgmt/agent';
import type { Command } from 'commander';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { resolveClientTls, type ClientTlsFlags } from '../client-tls.js';
import { ConfigError } from '../run-config.js';
import type { Io } from './index.js';

/** The serial to revoke: --serial, or read from --cert-file. */
function serialOf(opts: { serial?: string; certFile?: string }): { serial: string; subject: string } {
  if ((opts.serial === undefined) === (opts.certFile === undefined)) throw new ConfigError('cert revoke: give --serial or --cert-file (one of them)');
  if (opts.certFile !== undefined) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(fs.readFileSync(opts.certFile));
    } catch (err) {
      throw new ConfigError(`--cert-file: cannot read a PEM certificate from ${opts.certFile} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return { serial: normalizeSerial(cert.serialNumber), subject: cert.subject.replace(/\n/g, ', ') };
  }
  const serial = normalizeSerial(opts.serial ?? '');
  if (serial === '') throw new ConfigError(`--serial: ${JSON.stringify(opts.serial)} is not a hex serial number`);
  return { serial, subject: '' };
}

/** `mgmt cert revoke`: every member refuses the certificate from then on (etcd API, peers, renewal). */
export function registerCert(program: Command, io: Io): void {
  const cert = program.command('cert').description('manage the certificates of a TLS cluster');
  cert
    .command('revoke')
    .description('revoke a certificate: every member refuses it from now on (also rotate the join token to keep its host out)')
    .option('--serial <hex>', 'serial number of the certificate (as openssl x509 -serial prints it)')
    .option('--cert-file <path>', 'the certificate to revoke')
    .option('--endpoints <urls>', 'client URLs of any members (default https://127.0.0.1:2379)')
    .option('--cacert <path>', 'CA certificate to verify the servers with')
    .option('--cert <path>', 'client certificate')
    .option('--key <path>', 'key of --cert')
    .option('--data-dir <path>', "an agent's data directory: use its tls/ca.crt, client.crt and client.key")
    .action(async (opts: ClientTlsFlags & { serial?: string; certFile?: string }) => {
      const { serial, subject } = serialOf(opts);
      const { endpoints, tls } = resolveClientTls(opts);
      const client = new ClusterClient(endpoints, undefined, tls);
      try {
        await client.put(revokedKey(serial), JSON.stringify({ serial, subject, revokedAtMs: Date.now() }));
      } finally {
        client.close();
      }
      io.out(`revoked ${serial}${subject ? ` (${subject})` : ''}\n`);
    });
}

/**
 * Certificates made outside the project, the way an operator makes them:
 * with the real `openssl` command (ECDSA P-256), into files of a test's
 * temporary directory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Paths of a PEM certificate and its private key. */
export interface CertFiles {
  cert: string;
  key: string;
}

/** A test certificate authority that issues leaf certificates with openssl. */
export interface TestCa extends CertFiles {
  /** Issues a certificate for `name` (CN) with the given SANs (`IP:127.0.0.1`, `DNS:localhost`), for server and client use; `days` -1 makes one that has expired. */
  issue(name: string, sans?: readonly string[], days?: number): CertFiles;
}

function openssl(args: readonly string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Makes a CA named `name` in `dir` (created if needed). */
export function makeTestCa(dir: string, name: string): TestCa {
  fs.mkdirSync(dir, { recursive: true });
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  openssl([
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '30',
    '-subj', `/CN=${name}`, '-keyout', key, '-out', cert,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  let serial = 1;
  return {
    cert,
    key,
    issue(leaf, sans = ['IP:127.0.0.1', 'DNS:localhost'], days = 30) {
      const leafKey = path.join(dir, `${leaf}.key`);
      const leafCert = path.join(dir, `${leaf}.crt`);
      const ext = path.join(dir, `${leaf}.ext`);
      fs.writeFileSync(
        ext,
        [
          'basicConstraints=critical,CA:FALSE',
          'keyUsage=critical,digitalSignature,keyEncipherment',
          'extendedKeyUsage=serverAuth,clientAuth',
          ...(sans.length > 0 ? [`subjectAltName=${sans.join(',')}`] : []),
        ].join('\n'),
      );
      openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${leaf}`, '-keyout', leafKey, '-out', `${leafCert}.csr`]);
      openssl(['x509', '-req', '-in', `${leafCert}.csr`, '-CA', cert, '-CAkey', key, '-set_serial', String(serial++), '-days', String(days), '-extfile', ext, '-out', leafCert]);
      return { cert: leafCert, key: leafKey };
    },
  };
}

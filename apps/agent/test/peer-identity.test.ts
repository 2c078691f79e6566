// Proves two small rules of the TLS cluster: a peer connection is accepted
// only when its certificate names the member it claims to be (by host name,
// or with operator certificates by an address of its peer URLs) and that
// member is known; and the rotated join token, sealed with the CA key,
// opens only with that CA key.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { peerCertificateProblem } from '../src/raft/member.js';
import { createClusterCa } from '../src/security/cert-issuer.js';
import { openTokenRecord, sealTokenRecord } from '../src/security/token-record.js';

const h2 = { id: 2, name: 'h2', peerUrls: ['https://10.0.0.2:2380'], isLearner: true };

describe('peer certificate names', () => {
  it('accepts a certificate that names the member by host name', () => {
    expect(peerCertificateProblem(h2, 2, ['h2', '127.0.0.1'], true)).toBeUndefined();
  });

  it('accepts an address of its peer URL only for operator certificates', () => {
    expect(peerCertificateProblem(h2, 2, ['10.0.0.2'], false)).toBeUndefined();
    expect(peerCertificateProblem(h2, 2, ['10.0.0.2'], true)).toMatch(/names 10.0.0.2, not member h2/);
  });

  it('refuses a certificate of another host, or of no member', () => {
    expect(peerCertificateProblem(h2, 2, ['h4', '127.0.0.1'], true)).toMatch(/not member h2/);
    expect(peerCertificateProblem(undefined, 9, ['h9'], true)).toMatch(/not a current member/);
    expect(peerCertificateProblem(h2, 2, [], false)).toMatch(/names nothing/);
  });
});

const recordCa = await createClusterCa('mgmt cluster CA');

describe('the rotated join token record', () => {
  const ca = recordCa;
  it('opens with the CA key that sealed it, and with no other', async () => {
    const record = sealTokenRecord(ca.keyPem, 'next-token', randomBytes(12));
    expect(record).not.toContain('next-token');
    expect(openTokenRecord(ca.keyPem, record)).toBe('next-token');
    expect(openTokenRecord((await createClusterCa('mgmt cluster CA')).keyPem, record)).toBeUndefined();
    expect(openTokenRecord(ca.keyPem, 'garbage')).toBeUndefined();
  });
});

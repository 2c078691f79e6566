/**
 * The cluster's current join token, replicated for `mgmt token rotate`: a
 * record under `/_mgmt/pki/joinToken`, sealed (AES-256-GCM) with a key
 * derived from the cluster CA key, so only holders of the CA key (members)
 * can read it, while the key itself never enters the store. Pure: the IV
 * comes in as an argument.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, hkdfSync } from 'node:crypto';

/** Where the sealed token lives (a record; members keep their own copy if it is deleted). */
export const JOIN_TOKEN_KEY = '/_mgmt/pki/joinToken';

/** The stored form. */
export interface TokenRecord {
  v: 1;
  iv: string;
  data: string;
  tag: string;
}

function recordKey(caKeyPem: string): Buffer {
  const der = createPrivateKey(caKeyPem).export({ type: 'pkcs8', format: 'der' });
  return Buffer.from(hkdfSync('sha256', der, Buffer.alloc(0), 'mgmt-join-token-v1', 32));
}

/** Seals `token` with the CA key; `iv` is 12 random bytes. */
export function sealTokenRecord(caKeyPem: string, token: string, iv: Buffer): string {
  const cipher = createCipheriv('aes-256-gcm', recordKey(caKeyPem), iv);
  const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  const record: TokenRecord = { v: 1, iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  return JSON.stringify(record);
}

/** Opens a sealed token, or undefined when the text is not a record this CA key sealed. */
export function openTokenRecord(caKeyPem: string, text: string): string | undefined {
  try {
    const r = JSON.parse(text) as TokenRecord;
    if (r.v !== 1) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', recordKey(caKeyPem), Buffer.from(r.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(r.tag, 'base64'));
    const token = Buffer.concat([decipher.update(Buffer.from(r.data, 'base64')), decipher.final()]).toString('utf8');
    return token === '' ? undefined : token;
  } catch {
    return undefined;
  }
}

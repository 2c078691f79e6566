// Proves `--nats-creds` files are parsed and checked before anything
// connects (src/nats-creds.ts): a credentials file as nsc writes it (a user
// JWT signed by its account, the user's NKEY seed) is accepted; a file with
// no JWT, no seed, a JWT that is not one, one altered after signing, an
// expired one, a JWT of another kind, a seed that is not the JWT's user or
// not a seed at all, each gets its one-line reason.
import { makeNatsCreds } from '@mgmt/transport/testing';
import { nkeys } from 'nats';
import { describe, expect, it } from 'vitest';
import { parseNatsCreds } from './nats-creds.js';

const good = makeNatsCreds({ name: 'mgmt-agent' });
const now = Date.now();
const block = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n------END ${label}------\n`;
const jwtOf = (text: string) => /BEGIN NATS USER JWT-+\n(.+)\n/.exec(text)![1]!;
const seedOf = (text: string) => /BEGIN USER NKEY SEED-+\n(.+)\n/.exec(text)![1]!;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('NATS credentials files', () => {
  it('accepts a user JWT signed by its account with the user seed', () => {
    expect(parseNatsCreds(good.text, now)).toEqual({ user: good.user, account: good.account, name: 'mgmt-agent', expiresAtMs: undefined });
    const expiring = makeNatsCreds({ expiresAtMs: now + 3_600_000 });
    expect(parseNatsCreds(expiring.text, now)).toMatchObject({ user: expiring.user });
  });

  it.each([
    ['an empty file', '', /no user JWT block/],
    ['a certificate', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', /no user JWT block/],
    ['a JWT without its seed', block('NATS USER JWT', jwtOf(good.text)), /no user NKEY seed block/],
    ['a JWT that is not one', block('NATS USER JWT', 'not-a-jwt') + block('USER NKEY SEED', seedOf(good.text)), /not a JWT/],
    ['a JWT altered after signing', makeNatsCreds({ tamper: true }).text, /signature does not check/],
    ['an expired JWT', makeNatsCreds({ expiresAtMs: now - 60_000 }).text, /expired at/],
    ['an account JWT', block('NATS USER JWT', `${b64({ typ: 'JWT', alg: 'ed25519-nkey' })}.${b64({ sub: good.account, iss: good.account, nats: { type: 'account' } })}.c2ln`) + block('USER NKEY SEED', seedOf(good.text)), /"account" JWT, not a user JWT/],
    ['another user seed', block('NATS USER JWT', jwtOf(good.text)) + block('USER NKEY SEED', Buffer.from(nkeys.createUser().getSeed()).toString()), /seed is for U.*not the JWT's user/],
    ['an account seed', block('NATS USER JWT', jwtOf(good.text)) + block('USER NKEY SEED', Buffer.from(nkeys.createAccount().getSeed()).toString()), /not a user seed/],
    ['a seed that is not one', block('NATS USER JWT', jwtOf(good.text)) + block('USER NKEY SEED', 'SUAGARBAGE'), /not a valid seed/],
  ])('refuses %s', (_what, text, reason) => {
    const r = parseNatsCreds(text, now);
    expect(typeof r).toBe('string');
    expect(r).toMatch(reason);
    expect(String(r).split('\n')).toHaveLength(1);
  });
});

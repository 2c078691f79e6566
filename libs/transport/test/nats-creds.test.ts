// Proves the NATS transport connects with a NATS credentials file (user JWT
// + NKEY seed, through the nats client's credsAuthenticator) to a real
// nats-server that admits only that user's NKEY, and to one in operator
// (JWT) mode that checks the user JWT against its account; and that a server that
// refuses (no credentials, or another user's) fails the start at once with
// one error that says so, instead of retrying until startTimeoutMs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNatsTransport, silentLogger, TransportStartError, type NatsTransport } from '../src/index.js';
import { Collector, numbered } from '../src/testing/conformance.js';
import { makeNatsCreds, natsOperator } from '../src/testing/nats-creds.js';
import { startNatsServer, type NatsServerHandle } from '../src/testing/nats-server.js';
import { waitFor } from '../src/testing/wait.js';

const creds = makeNatsCreds();
let server: NatsServerHandle;

beforeAll(async () => {
  server = await startNatsServer({ nkeyUsers: [creds.user] });
});
afterAll(async () => {
  await server.dispose();
});

function member(id: number, credentials?: { creds: Uint8Array }, url = server.url): NatsTransport {
  return createNatsTransport({ localId: id, clusterId: 'c1', servers: [url], credentials, logger: silentLogger, startTimeoutMs: 20_000 });
}

/** Members 1 and 2, each with its credentials file, start on `url` and 2 reaches 1. */
async function exchange(url: string, creds1: string, creds2: string): Promise<void> {
  const a = member(1, { creds: Buffer.from(creds1) }, url);
  const b = member(2, { creds: Buffer.from(creds2) }, url);
  await Promise.all([a.start(), b.start()]);
  try {
    const atA = new Collector(a);
    b.addPeer(1, url);
    b.send(1, numbered(4));
    await waitFor(() => atA.messages.length === 1, 'delivery with credentials');
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

describe('nats transport with a credentials file', () => {
  it('connects with the user credentials the server requires', async () => {
    await exchange(server.url, creds.text, creds.text);
  });

  it('fails the start at once, saying why, without credentials or with another user', async () => {
    for (const [credentials, message] of [
      [undefined, /requires credentials and this member has none \(AUTHORIZATION_VIOLATION\)/],
      [{ creds: Buffer.from(makeNatsCreds().text) }, /refused this member's credentials \(AUTHORIZATION_VIOLATION\)/],
    ] as const) {
      const t = member(3, credentials);
      const err = await t.start().then(() => undefined, (e: unknown) => e);
      await t.close();
      expect(err).toBeInstanceOf(TransportStartError);
      // The refusal itself, not "cannot connect" after startTimeoutMs of retries.
      expect((err as Error).message).toMatch(message);
    }
  });
});

describe('nats transport with a credentials file, against a server in operator (JWT) mode', () => {
  it('connects as a user of the trusted account, and is refused as a user of another account', async () => {
    const operator = natsOperator();
    const jwtServer = await startNatsServer({ operator: operator.server });
    try {
      await exchange(jwtServer.url, operator.user().text, operator.user().text);
      const stranger = member(3, { creds: Buffer.from(makeNatsCreds().text) }, jwtServer.url);
      await expect(stranger.start()).rejects.toThrow(/refused this member's credentials/);
      await stranger.close();
    } finally {
      await jwtServer.dispose();
    }
  });
});

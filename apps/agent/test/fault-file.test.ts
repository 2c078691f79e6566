// Proves the MGMT_FAULT_FILE testing hook on a real TCP transport pair: the
// rules file cuts exactly the named directions (dropTo: outbound, dropFrom:
// inbound), is re-read when it changes, heals when emptied or removed, and an
// invalid file means no faults with one warning. Also the rules parser.
import { createTcpTransport, silentLogger, type Transport } from '@mgmt/transport';
import { Collector, numbered, RecordingLogger, seqOf } from '@mgmt/transport/testing';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FaultRulesError, parseFaultRules, withFaultFile } from '../src/raft/fault-file.js';
import { freePort, tempDir, waitFor } from './helpers.js';

describe('parseFaultRules', () => {
  it('reads dropTo and dropFrom, normalizing URLs; empty text is no faults', () => {
    expect(parseFaultRules('{"dropTo":["http://127.0.0.1:4001/"],"dropFrom":["tcp://127.0.0.1:4002"]}')).toEqual({ dropTo: ['http://127.0.0.1:4001'], dropFrom: ['tcp://127.0.0.1:4002'] });
    expect(parseFaultRules('{}')).toEqual({ dropTo: [], dropFrom: [] });
    expect(parseFaultRules('  ')).toEqual({ dropTo: [], dropFrom: [] });
  });
  it('rejects what is not the rules format', () => {
    expect(() => parseFaultRules('{"dropTo":')).toThrow(FaultRulesError);
    expect(() => parseFaultRules('[]')).toThrow(FaultRulesError);
    expect(() => parseFaultRules('{"dropTo":"http://x:1"}')).toThrow(FaultRulesError);
  });
});

describe('withFaultFile on a TCP pair', () => {
  const open: Transport[] = [];
  const tmp = tempDir('fault-file-');
  afterAll(() => tmp.cleanup());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });

  /** Writes the rules the way the chaos runner does: a new file renamed over the old. */
  function writeRules(file: string, text: string): void {
    fs.writeFileSync(`${file}.tmp`, text);
    fs.renameSync(`${file}.tmp`, file);
  }

  it('cuts, re-reads and heals the named links', async () => {
    const file = path.join(tmp.dir, 'a.json');
    const urlA = `http://127.0.0.1:${await freePort()}`;
    const urlB = `http://127.0.0.1:${await freePort()}`;
    const log = new RecordingLogger();
    const a = withFaultFile(createTcpTransport({ localId: 1, clusterId: 'c', listenUrl: urlA, logger: silentLogger }), file, log, { pollMs: 20 });
    const b = createTcpTransport({ localId: 2, clusterId: 'c', listenUrl: urlB, logger: silentLogger });
    open.push(a, b);
    await a.start();
    await b.start();
    a.addPeer(2, urlB);
    b.addPeer(1, urlA);
    const atA = new Collector(a);
    const atB = new Collector(b);
    let seq = 0;
    /** Sends one message each way until `aToB`/`bToA` say which arrive; returns once a fresh pair of sends shows it. */
    async function expectLinks(aToB: boolean, bToA: boolean): Promise<void> {
      await waitFor(`links a->b ${aToB} b->a ${bToA}`, async () => {
        const s = ++seq;
        a.send(2, numbered(s));
        b.send(1, numbered(s));
        await new Promise((r) => setTimeout(r, 60));
        const gotB = atB.from(1).some((m) => seqOf(m) === s);
        const gotA = atA.from(2).some((m) => seqOf(m) === s);
        return gotB === aToB && gotA === bToA;
      });
    }

    await expectLinks(true, true); // no file: no faults
    writeRules(file, JSON.stringify({ dropTo: [urlB] }));
    await expectLinks(false, true);
    writeRules(file, JSON.stringify({ dropFrom: [`${urlB}/`] }));
    await expectLinks(true, false);
    writeRules(file, JSON.stringify({ dropTo: [urlB], dropFrom: [urlB] }));
    await expectLinks(false, false);
    writeRules(file, '{}');
    await expectLinks(true, true);

    writeRules(file, JSON.stringify({ dropTo: [urlB] }));
    await expectLinks(false, true);
    writeRules(file, 'not json');
    await expectLinks(true, true); // invalid: no faults
    expect(log.warnings.filter((w) => w.message.startsWith('invalid fault rules')).length).toBe(1);
    writeRules(file, JSON.stringify({ dropTo: [urlB] }));
    await expectLinks(false, true);
    fs.rmSync(file);
    await expectLinks(true, true); // removed: no faults
  });

  it('applies rules to a peer added after the file was read', async () => {
    const file = path.join(tmp.dir, 'late.json');
    const urlA = `http://127.0.0.1:${await freePort()}`;
    const urlB = `http://127.0.0.1:${await freePort()}`;
    writeRules(file, JSON.stringify({ dropTo: [urlB] }));
    const a = withFaultFile(createTcpTransport({ localId: 1, clusterId: 'c', listenUrl: urlA, logger: silentLogger }), file, new RecordingLogger(), { pollMs: 20 });
    const b = createTcpTransport({ localId: 2, clusterId: 'c', listenUrl: urlB, logger: silentLogger });
    open.push(a, b);
    await a.start();
    await b.start();
    const atB = new Collector(b);
    a.addPeer(2, urlB);
    b.addPeer(1, urlA);
    for (let s = 1; s <= 20; s++) {
      a.send(2, numbered(s));
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(atB.messages.length).toBe(0);
  });
});

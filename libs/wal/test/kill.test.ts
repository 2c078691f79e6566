// Proves, with a real process and a real disk, that an entry acknowledged
// after its fsync survives SIGKILL at an arbitrary moment: a child appends
// under load and prints each acknowledged index, the test kills it mid-load
// (twice, restarting on the same directory, so recovery after a kill
// is itself followed by more load and another kill), then reopens the WAL
// and finds every acknowledged entry with its exact content.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DurableStorage, NodeFileSystem } from '../src/index.js';

const child = fileURLToPath(new URL('./fixtures/kill-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wal-kill-'));
const identity = { clusterId: 'kill-test', memberId: 1 };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it has acknowledged `acksBeforeKill` entries, then SIGKILLs it. */
function runAndKill(acksBeforeKill: number): Promise<{ start: number; acked: number[] }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let stderr = '';
    let start = -1;
    const acked: number[] = [];
    p.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!; // a line cut by the kill is not an acknowledgement
      for (const line of lines) {
        const [word, n] = line.split(' ');
        if (word === 'start') start = Number(n);
        if (word === 'ack') acked.push(Number(n));
      }
      if (acked.length >= acksBeforeKill) p.kill('SIGKILL');
    });
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve({ start, acked });
    });
  });
}

describe('SIGKILL under load (real process, real disk)', () => {
  it('loses no acknowledged entry', async () => {
    const all: number[] = [];
    for (const acks of [500, 400]) {
      const run = await runAndKill(acks);
      // Recovery after the previous kill kept at least everything acknowledged before it.
      expect(run.start).toBeGreaterThanOrEqual(Math.max(0, ...all));
      all.push(...run.acked);
    }
    const s = DurableStorage.open({ fs: new NodeFileSystem(), dir, identity });
    const maxAcked = Math.max(...all);
    expect(s.lastIndex()).toBeGreaterThanOrEqual(maxAcked);
    const snapIndex = s.snapshot().metadata.index;
    expect(snapIndex).toBeGreaterThan(0);
    expect(new DataView(s.snapshot().data.buffer, s.snapshot().data.byteOffset).getUint32(0, true)).toBe(snapIndex);
    for (const e of s.entries(s.firstIndex(), s.lastIndex() + 1, Infinity)) {
      const view = new DataView(e.data.buffer, e.data.byteOffset, e.data.byteLength);
      expect(view.getUint32(0, true)).toBe(e.index);
      expect(e.data[255]).toBe(e.index % 251);
    }
    for (const i of all) expect(i <= snapIndex || s.term(i) === 1).toBe(true);
    await s.close();
  });
});

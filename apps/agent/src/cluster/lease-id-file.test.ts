// Proves the remembered lease id: none without a file, the id written last
// after a save (with its TTL), and a file that does not hold an id (garbage, zero, beyond
// 2^53) taken for none, with one warning, never a crash.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.js';
import { LeaseIdFile } from './lease-id-file.js';

describe('LeaseIdFile', () => {
  it('remembers the last id saved, and ignores a file that holds none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lease-id-'));
    try {
      const f = new LeaseIdFile(path.join(dir, 'data'), silentLogger());
      expect(f.load()).toBe(0);
      f.save(123_456_789);
      f.save(2 ** 52 - 1);
      expect(new LeaseIdFile(path.join(dir, 'data'), silentLogger()).load()).toBe(2 ** 52 - 1);
      // The TTL on a second line.
      f.save(77, 30);
      const g = new LeaseIdFile(path.join(dir, 'data'), silentLogger());
      expect([g.load(), g.ttl()]).toEqual([77, 30]);
      for (const bad of ['', 'abc', '0', '-5', '1e9', '99999999999999999', '12 34', '12\nttl=', '12\nttl=x', '12\n30']) {
        fs.writeFileSync(path.join(dir, 'data', 'agent-lease-id'), bad);
        expect(f.load()).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Proves the committed generated code matches what protobufjs-cli makes from
// the .proto sources today, so nobody edits one and forgets the other.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the generator is a plain .mjs script without types
import { generate } from '../scripts/generate.mjs';

describe('generated code', () => {
  it('is up to date with proto/*.proto', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proto-gen-'));
    try {
      const files: string[] = generate(dir);
      for (const file of files) {
        const fresh = fs.readFileSync(path.join(dir, file), 'utf8');
        const committed = fs.readFileSync(path.join(import.meta.dirname, 'generated', file), 'utf8');
        expect(committed, `${file} is stale: run npx nx run proto:generate`).toBe(fresh);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

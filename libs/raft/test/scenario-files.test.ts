// Replays every scenario file in testdata/ (text commands with golden
// output, in the manner of etcd-io/raft's testdata) on the simulator, and
// checks each command printed what the file says. After a deliberate
// change of behaviour, regenerate the golden output with one flag:
//   REWRITE=1 npx vitest run test/scenario-files.test.ts
// and read the diff. Every scenario also runs the safety checkers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, printScenario, runScenario } from '../src/sim/scenario.js';

const dir = path.resolve(import.meta.dirname, '../testdata');
const rewrite = process.env.REWRITE === '1';

describe('scenario files', () => {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    it(file, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const blocks = parseScenario(text);
      const { outputs, violations } = runScenario(blocks);
      expect(violations, file).toEqual([]);
      if (rewrite) {
        fs.writeFileSync(path.join(dir, file), printScenario(blocks, outputs));
        return;
      }
      blocks.forEach((b, i) => {
        if (b.command !== '') expect(outputs[i]!.join('\n'), `${file}: ${b.command}`).toBe(b.expected.join('\n'));
      });
    });
  }
});

// Replays every clustering scenario file in apps/agent/testdata/ (text
// commands with golden output, the format of libs/raft's scenario files)
// on the agent simulator, and checks each command printed what the file
// says and that no checker found a violation. After a deliberate change of
// behaviour, regenerate the golden output with one flag:
//   REWRITE=1 npx vitest run src/sim/scenario-files.test.ts
// and read the diff.
import fs from 'node:fs';
import path from 'node:path';
import { parseScenario, printScenario } from '@mgmt/raft/sim';
import { describe, expect, it } from 'vitest';
import { runClusterScenario } from './scenario-file.js';

const dir = path.resolve(import.meta.dirname, '../../testdata');
const rewrite = process.env.REWRITE === '1';

describe('clustering scenario files', () => {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    it(file, async () => {
      const blocks = parseScenario(fs.readFileSync(path.join(dir, file), 'utf8'));
      const { outputs, violations } = await runClusterScenario(blocks);
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

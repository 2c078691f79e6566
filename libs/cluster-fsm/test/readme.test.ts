/** Proves README.md shows the charts of the machines as they are now (regenerate with scripts/update-readme.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withGeneratedCharts } from '../src/viz/readme.js';

describe('README charts', () => {
  it('are generated from the current machines', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    expect(readme).toContain('<!-- chart:lifecycle -->');
    expect(readme).toContain('<!-- chart:nominator -->');
    expect(withGeneratedCharts(readme)).toBe(readme);
  });
});

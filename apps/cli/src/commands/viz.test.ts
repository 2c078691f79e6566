// Proves `mgmt viz` renders both machines in all four formats from the
// machine definitions: the state names of the lifecycle appear in each.
import { describe, expect, it } from 'vitest';
import { renderMachine } from './viz.js';

describe('mgmt viz', () => {
  it.each(['mermaid', 'dot', 'svg', 'json'] as const)('renders the lifecycle as %s', async (format) => {
    const text = await renderMachine('lifecycle', format);
    for (const state of ['client', 'volunteer', 'nominated', 'peer', 'unnominated']) expect(text).toContain(state);
    if (format === 'svg') expect(text).toMatch(/<svg[\s>]/);
    if (format === 'json') expect(() => JSON.parse(text)).not.toThrow();
  });

  it('renders the nominator', async () => {
    expect(await renderMachine('nominator', 'mermaid')).toMatch(/^stateDiagram-v2/);
  });
});

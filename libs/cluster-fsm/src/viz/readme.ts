/**
 * Keeps the Mermaid charts in a README in step with the machines: the text
 * between `<!-- chart:NAME -->` and `<!-- /chart:NAME -->` is replaced by
 * the generated chart of machine NAME.
 */
import { machineToMermaid } from './mermaid.js';
import { machines } from './registry.js';
import { isMachineName } from './registry.js';

const CHART_BLOCK = /<!-- chart:([a-z]+) -->\n[\s\S]*?<!-- \/chart:\1 -->/g;

/** `markdown` with every chart block regenerated from the machine it names. */
export function withGeneratedCharts(markdown: string): string {
  return markdown.replace(CHART_BLOCK, (block, name: string) => {
    if (!isMachineName(name)) return block;
    return `<!-- chart:${name} -->\n\`\`\`mermaid\n${machineToMermaid(machines[name])}\`\`\`\n<!-- /chart:${name} -->`;
  });
}

/** Regenerates the Mermaid charts in README.md from the machines: `npx tsx scripts/update-readme.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withGeneratedCharts } from '../src/viz/readme.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(readmePath, 'utf8');
const after = withGeneratedCharts(before);
if (after !== before) writeFileSync(readmePath, after);
console.log(after === before ? 'README.md charts are up to date' : 'README.md charts regenerated');

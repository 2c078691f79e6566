import { InvalidArgumentError, Option, type Command } from 'commander';
import { isMachineName, machineToDot, machineToJson, machineToMermaid, machines, renderSvg, type MachineName } from '@mgmt/cluster-fsm';
import type { Io } from './index.js';

const formats = ['mermaid', 'dot', 'svg', 'json'] as const;
type Format = (typeof formats)[number];

/** Renders one of the clustering machines; the text is generated from the machine definitions themselves. */
export async function renderMachine(name: MachineName, format: Format): Promise<string> {
  const machine = machines[name];
  switch (format) {
    case 'mermaid':
      return machineToMermaid(machine);
    case 'dot':
      return machineToDot(machine);
    case 'svg':
      return renderSvg(machineToDot(machine));
    case 'json':
      return `${JSON.stringify(machineToJson(machine), null, 2)}\n`;
  }
}

/** `mgmt viz`: exports the lifecycle and nominator state charts. */
export function registerViz(program: Command, io: Io): void {
  program
    .command('viz')
    .description('export the lifecycle and nominator state charts (mermaid, dot, svg, json)')
    .addOption(
      new Option('--machine <name>', 'which machine').choices(Object.keys(machines)).default('lifecycle').argParser((v) => {
        if (!isMachineName(v)) throw new InvalidArgumentError(`expected one of ${Object.keys(machines).join(', ')}`);
        return v;
      }),
    )
    .addOption(new Option('--format <format>', 'output format').choices(formats).default('mermaid'))
    .action(async (opts: { machine: MachineName; format: Format }) => {
      const text = await renderMachine(opts.machine, opts.format);
      io.out(text.endsWith('\n') ? text : `${text}\n`);
    });
}

import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from './run-config.js';
import { registerCommands } from './commands/index.js';
import { version } from './version.js';

/** Exit code for a usage error: unknown flag or subcommand, bad flag value. */
export const exitUsage = 2;

/** Builds the `mgmt` program; `out`/`err` receive everything it prints. */
export function buildProgram(io: { out: (s: string) => void; err: (s: string) => void }): Command {
  const program = new Command('mgmt')
    .description('Configuration-management agents that build and run their own replicated, strongly consistent store.')
    .version(version, '-v, --version', 'print the version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(firstLine(text)) })
    .exitOverride();
  program.addOption(new Option('--debug', 'print stack traces for unexpected errors').hideHelp());
  registerCommands(program, io);
  const inherit = (parent: Command): void => {
    for (const cmd of parent.commands) {
      cmd.exitOverride().configureOutput(program.configureOutput());
      inherit(cmd);
    }
  };
  inherit(program);
  return program;
}

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: string[], io = defaultIo()): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code)) return 0;
      return exitUsage;
    }
    if (err instanceof ConfigError) {
      io.err(`mgmt: ${err.message}\n`);
      return exitUsage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`mgmt: ${message}\n`);
    if (argv.includes('--debug') && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
    return 1;
  }
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim().length > 0) ?? text;
  return `${line.trim()}\n`;
}

function defaultIo() {
  return { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };
}

import type { Command } from 'commander';

/**
 * A subcommand whose implementation lands with a later issue. It is listed so
 * `mgmt --help` shows the whole surface, and says plainly that this build
 * does not have it yet, exiting 1.
 */
export function registerPending(program: Command, name: string, description: string): void {
  program
    .command(name)
    .description(description)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      throw new Error(`${name}: not available in this build yet`);
    });
}

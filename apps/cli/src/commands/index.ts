import type { Command } from 'commander';
import { registerRun } from './run.js';
import { registerVersion } from './version.js';
import { registerDemo } from './demo.js';
import { registerViz } from './viz.js';
import { registerStatus } from './status.js';
import { registerCtl } from './ctl.js';
import { registerToken } from './token.js';
import { registerCert } from './cert.js';
import { registerSnapshot } from './snapshot.js';

/** Where a command writes. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Adds every subcommand of `mgmt` to the program. */
export function registerCommands(program: Command, io: Io): void {
  registerRun(program, io);
  registerCtl(program, io);
  registerStatus(program, io);
  registerViz(program, io);
  registerDemo(program, io);
  registerToken(program, io);
  registerCert(program, io);
  registerSnapshot(program, io);
  registerVersion(program, io);
}

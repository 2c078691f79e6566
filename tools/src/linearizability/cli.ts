/**
 * The checker's command line, as a function of its arguments and I/O so
 * tests can run it in-process. main.ts wires in the real process.
 *
 * Exit codes: 0 linearizable, 1 anomaly found, 2 bad usage or input,
 * 3 unknown (the search budget ran out).
 */
import { HistoryFormatError, checkHistory, formatReport, parseHistoryFile, type CheckOptions } from '@mgmt/testkit/linearizability';

/** What the CLI needs from the outside world. */
export interface CliIo {
  readFile: (path: string) => string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** The usage text printed by --help. */
export const usage = `usage: npx tsx tools/src/linearizability/main.ts [--max-steps N] [--timeout-ms N] HISTORY.json
Checks a saved history for linearizability (key-value register: read, write, cas).
HISTORY.json: an array of operations {client, op, call, return, output}, an array of
Jepsen-style events {type, process, f, key, value, time}, an object with 'operations'
or 'events' (and optional 'initialValues'), or JSON Lines of either.
Exit: 0 linearizable, 1 not linearizable, 2 bad usage or input, 3 unknown (budget ran out).`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function positiveInteger(flag: string, raw: string | undefined): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value <= 0) throw new UsageError(`${flag} needs a positive integer`);
  return value;
}

function parseArguments(args: readonly string[]): { path: string; options: CheckOptions } | 'help' {
  const options: CheckOptions = {};
  const paths: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--max-steps') options.maxStepsPerKey = positiveInteger(arg, args[(i += 1)]);
    else if (arg === '--timeout-ms') options.maxMs = positiveInteger(arg, args[(i += 1)]);
    else if (arg.startsWith('-')) throw new UsageError(`unknown flag ${arg}`);
    else paths.push(arg);
  }
  if (paths.length !== 1) throw new UsageError('give exactly one history file (see --help)');
  return { path: paths[0]!, options };
}

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export function runCli(args: readonly string[], io: CliIo): number {
  let parsed: ReturnType<typeof parseArguments>;
  let text: string;
  try {
    parsed = parseArguments(args);
    if (parsed === 'help') {
      io.stdout(usage);
      return 0;
    }
    text = io.readFile(parsed.path);
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}`);
    return 2;
  }
  try {
    const file = parseHistoryFile(text);
    const result = checkHistory(file.history, { ...parsed.options, initialValues: file.initialValues });
    io.stdout(formatReport(file.history, result));
    return result.status === 'linearizable' ? 0 : result.status === 'not-linearizable' ? 1 : 3;
  } catch (error) {
    if (error instanceof HistoryFormatError) {
      io.stderr(`error: ${parsed.path}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

import { GraphError, loadGraphFile, type Graph } from '@mgmt/graph';
import path from 'node:path';
import { ConfigError } from './run-config.js';

/**
 * Loads and validates the graph of `mgmt run --file`; every problem (no such
 * file, bad YAML, a field that does not validate) is one ConfigError that
 * names the file, and for graph errors the line and field.
 */
export async function loadRunGraph(file: string): Promise<{ file: string; graph: Graph }> {
  const abs = path.resolve(file);
  try {
    return { file: abs, graph: await loadGraphFile(abs) };
  } catch (err) {
    if (err instanceof GraphError) throw new ConfigError(`--file: ${err.message}`, { cause: err });
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new ConfigError(`--file: ${file}: ${why}`, { cause: err });
  }
}

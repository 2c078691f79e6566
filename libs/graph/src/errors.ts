/** A graph file that does not parse or does not validate: where, which field, and why. */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(
    /** The file name given to the parser. */
    readonly file: string,
    /** 1-based line of the offending node (the nearest existing ancestor when the field is missing). */
    readonly line: number,
    /** The field path, e.g. `resources.file[1].state`; empty for the whole document. */
    readonly field: string,
    /** The reason without the location. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: ${field === '' ? '' : `${field}: `}${reason}`, options);
  }
}

/** A command run by an `exec` resource exited non-zero. */
export class ExecError extends Error {
  override readonly name = 'ExecError';
  constructor(
    readonly cmd: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`command ${JSON.stringify(cmd)} exited ${exitCode ?? 'by signal'}: ${stderr.trim().slice(0, 500)}`);
  }
}

/** A resource was not applied because a resource it depends on failed. */
export class DependencyFailedError extends Error {
  override readonly name = 'DependencyFailedError';
  constructor(readonly dependency: string) {
    super(`dependency ${dependency} failed`);
  }
}

/**
 * The graph document's schemas (zod). zod is loaded the first time a graph
 * is validated, not when the package is imported: an agent without a graph
 * (a client host's `mgmt run --no-server`) never needs it, and zod with
 * yaml (source-map.ts) was ~13 MB of such a process's ~90 MB resident set.
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

type ZodApi = typeof Zod.z;

function buildSchemas(z: ZodApi) {
  const name = z.string({ error: 'expected a string' }).min(1, { error: 'must not be empty' });
  const state = z.enum(['exists', 'absent'], { error: 'expected "exists" or "absent"' });
  const mode = z
    .string({ error: 'expected an octal string such as "0644"' })
    .regex(/^0?[0-7]{3,4}$/, { error: 'expected an octal string such as "0644"' });

  /** Fields of a `noop` resource. */
  const noopSchema = z.strictObject({ name });
  /** Fields of a `file` resource. */
  const fileSchema = z.strictObject({
    name,
    path: z.string({ error: 'expected a string' }).startsWith('/', { error: 'must be an absolute path' }),
    content: z.string({ error: 'expected a string' }).optional(),
    state: state.default('exists'),
    mode: mode.optional(),
  });
  /** Fields of an `exec` resource. */
  const execSchema = z.strictObject({
    name,
    cmd: z.string({ error: 'expected a string' }).min(1, { error: 'must not be empty' }),
    ifcmd: z.string({ error: 'expected a string' }).optional(),
  });
  /** Fields of a `msg` resource. */
  const msgSchema = z.strictObject({ name, body: z.string({ error: 'expected a string' }) });

  /** The schema of each kind's resource fields, by kind. */
  const kindSchemas = { noop: noopSchema, file: fileSchema, exec: execSchema, msg: msgSchema } as const;

  const kind = z.enum(['noop', 'file', 'exec', 'msg'], {
    error: 'unknown kind (expected noop, file, exec or msg)',
  });
  const ref = z.strictObject({ kind, name });

  /** The whole graph document as written in YAML. */
  const graphDocumentSchema = z.strictObject({
    graph: name,
    comment: z.string({ error: 'expected a string' }).optional(),
    resources: z
      .strictObject({
        noop: z.array(noopSchema, { error: 'expected a list of resources' }).optional(),
        file: z.array(fileSchema, { error: 'expected a list of resources' }).optional(),
        exec: z.array(execSchema, { error: 'expected a list of resources' }).optional(),
        msg: z.array(msgSchema, { error: 'expected a list of resources' }).optional(),
      }, { error: 'expected a map of kind to list of resources' })
      .default({}),
    edges: z.array(z.strictObject({ name, from: ref, to: ref }), { error: 'expected a list of edges' }).default([]),
    collect: z.array(z.strictObject({ kind, pattern: z.string({ error: 'expected a string' }) }), { error: 'expected a list' }).default([]),
  }, { error: 'expected a map with graph, resources, edges and collect' });

  return { noopSchema, fileSchema, execSchema, msgSchema, kindSchemas, graphDocumentSchema };
}

/** The schemas, built once (a cache of one pure value, the same for every caller; zod loads on the first call). */
let built: ReturnType<typeof buildSchemas> | undefined;

/** The graph document's schemas; the first call loads zod. */
export function graphSchemas(): ReturnType<typeof buildSchemas> {
  built ??= buildSchemas((createRequire(import.meta.url)('zod') as typeof Zod).z);
  return built;
}

/** The parsed document type. */
export type GraphDocument = Zod.infer<ReturnType<typeof buildSchemas>['graphDocumentSchema']>;

import { z } from 'zod';

const name = z.string({ error: 'expected a string' }).min(1, { error: 'must not be empty' });
const state = z.enum(['exists', 'absent'], { error: 'expected "exists" or "absent"' });
const mode = z
  .string({ error: 'expected an octal string such as "0644"' })
  .regex(/^0?[0-7]{3,4}$/, { error: 'expected an octal string such as "0644"' });

/** Fields of a `noop` resource. */
export const noopSchema = z.strictObject({ name });
/** Fields of a `file` resource. */
export const fileSchema = z.strictObject({
  name,
  path: z.string({ error: 'expected a string' }).startsWith('/', { error: 'must be an absolute path' }),
  content: z.string({ error: 'expected a string' }).optional(),
  state: state.default('exists'),
  mode: mode.optional(),
});
/** Fields of an `exec` resource. */
export const execSchema = z.strictObject({
  name,
  cmd: z.string({ error: 'expected a string' }).min(1, { error: 'must not be empty' }),
  ifcmd: z.string({ error: 'expected a string' }).optional(),
});
/** Fields of a `msg` resource. */
export const msgSchema = z.strictObject({ name, body: z.string({ error: 'expected a string' }) });

/** The schema of each kind's resource fields, by kind. */
export const kindSchemas = { noop: noopSchema, file: fileSchema, exec: execSchema, msg: msgSchema } as const;

const kind = z.enum(['noop', 'file', 'exec', 'msg'], {
  error: 'unknown kind (expected noop, file, exec or msg)',
});
const ref = z.strictObject({ kind, name });

/** The whole graph document as written in YAML. */
export const graphDocumentSchema = z.strictObject({
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

/** The parsed document type. */
export type GraphDocument = z.infer<typeof graphDocumentSchema>;

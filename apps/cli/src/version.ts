import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version of this mgmt build (from apps/cli/package.json). */
export const version: string = (require('../package.json') as { version: string }).version;

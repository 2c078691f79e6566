/** Public API of @mgmt/cli: the `mgmt` command as a function, for tests and tools. */
export { buildProgram, exitUsage, main } from './main.js';
export { ConfigError, resolveRunConfig, type RunConfig, type RunFlags } from './run-config.js';
export { parseUrl, splitList, UrlError } from './urls.js';
export { version } from './version.js';

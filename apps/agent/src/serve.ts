// `nx run agent:serve`: the embedded default. Later issues turn this into a
// local cluster of agents as worker threads with a live status page.
import { agentName } from './index.js';

console.log(`${agentName}: serve has no local cluster to start in this build yet`);
process.exitCode = 1;

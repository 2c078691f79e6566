/** Public API of @mgmt/agent: one mgmt agent, composed from the libs. */
export { agentName } from './name.js';

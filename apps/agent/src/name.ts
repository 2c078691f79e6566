/** The name the agent logs under. */
export const agentName = 'mgmt-agent';

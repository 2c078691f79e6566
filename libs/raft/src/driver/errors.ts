/** Named errors of the Raft driver. */

/** The proposal could not be handed to a leader (no leader, refused, or the member stopped). */
export class ProposalFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProposalFailedError';
  }
}

/**
 * An invariant of the driver or the core did not hold after a step: the
 * member stops rather than corrupt anything. `state` is what broke it.
 */
export class DriverInvariantError extends Error {
  readonly state: Record<string, unknown>;
  constructor(message: string, state: Record<string, unknown>) {
    super(`${message} (state: ${JSON.stringify(state)})`);
    this.name = 'DriverInvariantError';
    this.state = state;
  }
}

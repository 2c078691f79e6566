/**
 * Placeholders for the effects a machine names in `setup()`. The agent
 * replaces each with `machine.provide(...)`; running one that was not
 * provided is a wiring bug, reported by name.
 */

/** An effect named by a machine was used without the agent providing it. */
export class EffectNotProvidedError extends Error {
  override readonly name = 'EffectNotProvidedError';
  constructor(readonly effect: string) {
    super(`effect ${JSON.stringify(effect)} was not provided: pass it with machine.provide(...)`);
  }
}

/**
 * The machines `mgmt viz` can draw, by name. The definitions are the real
 * machines (not copies), so the pictures cannot drift from the code.
 */
import { lifecycleMachine } from '../lifecycle/machine.js';
import { nominatorMachine } from '../nominator/machine.js';

/** Every machine of the clustering algorithm, by name. */
export const machines = {
  lifecycle: lifecycleMachine,
  nominator: nominatorMachine,
} as const;

/** Name of a machine in {@link machines}. */
export type MachineName = keyof typeof machines;

/** Whether `name` names a machine in {@link machines}. */
export function isMachineName(name: string): name is MachineName {
  return Object.prototype.hasOwnProperty.call(machines, name);
}

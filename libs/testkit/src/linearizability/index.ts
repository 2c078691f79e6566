/** Public API of the linearizability checker (see README.md). */
export type { History, Operation, OperationInput, OperationKind, OperationOutput, RegisterValue } from './history.js';
export type { HistoryEvent, HistoryEventType } from './events.js';
export type { HistoryFile } from './history-file.js';
export type { AnomalyKind, BlockedCandidate, IndexedOperation, KeyAnomaly, LinearizedStep } from './anomaly.js';
export type { CheckOptions, CheckResult, CheckStats, LinearizableResult, NotLinearizableResult, UnknownResult } from './check.js';
export type { BudgetExhausted } from './search.js';
export type { RenderOptions } from './render.js';
export type { GenerateOptions, GeneratedHistory } from './generate.js';
export { checkHistory } from './check.js';
export { eventsToHistory } from './events.js';
export { parseHistory } from './validate.js';
export { parseHistoryFile } from './history-file.js';
export { isDropped } from './partition.js';
export { renderHistory } from './render.js';
export { formatReport } from './report.js';
export { generateLinearizableHistory } from './generate.js';
export { HistoryFormatError, CheckerInvariantError } from './errors.js';

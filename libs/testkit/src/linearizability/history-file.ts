/**
 * Reading a saved history file's text: JSON (an array of operations, an
 * array of events, or an object with `operations` or `events` and optional
 * `initialValues`) or JSON Lines (one operation or event per line).
 */
import { HistoryFormatError } from './errors.js';
import { eventsToHistory } from './events.js';
import type { Operation, RegisterValue } from './history.js';
import { parseHistory } from './validate.js';

/** A history read from a file, with the initial values it declares. */
export interface HistoryFile {
  history: Operation[];
  initialValues: Record<string, RegisterValue>;
  form: 'operations' | 'events';
}

function parseJsonLines(text: string): unknown[] {
  return text.split('\n').flatMap((line, lineIndex) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch (error) {
      throw new HistoryFormatError(`line ${lineIndex + 1} is not JSON: ${(error as Error).message}`, { cause: error });
    }
  });
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (text.trim().startsWith('{') && text.trim().includes('\n')) return parseJsonLines(text);
    throw new HistoryFormatError(`not JSON: ${(error as Error).message}`, { cause: error });
  }
}

function isEventList(entries: readonly unknown[]): boolean {
  const first = entries[0];
  return typeof first === 'object' && first !== null && 'type' in first && 'f' in first;
}

function readInitialValues(raw: unknown): Record<string, RegisterValue> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new HistoryFormatError("'initialValues' must be an object");
  for (const [key, value] of Object.entries(raw)) {
    if (value !== null && typeof value !== 'string') throw new HistoryFormatError(`initialValues.${key} must be a string or null`);
  }
  return raw as Record<string, RegisterValue>;
}

/** Parses a history file's text. Throws {@link HistoryFormatError} with one clear message. */
export function parseHistoryFile(text: string): HistoryFile {
  const parsed = parseText(text);
  if (Array.isArray(parsed)) {
    return isEventList(parsed)
      ? { history: eventsToHistory(parsed), initialValues: {}, form: 'events' }
      : { history: parseHistory(parsed), initialValues: {}, form: 'operations' };
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const record = parsed as Record<string, unknown>;
    const initialValues = readInitialValues(record['initialValues']);
    if (Array.isArray(record['operations'])) return { history: parseHistory(record['operations']), initialValues, form: 'operations' };
    if (Array.isArray(record['events'])) return { history: eventsToHistory(record['events']), initialValues, form: 'events' };
  }
  throw new HistoryFormatError("expected an array of operations or events, or an object with 'operations' or 'events'");
}

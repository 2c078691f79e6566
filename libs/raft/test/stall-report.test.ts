// A stalled event loop is reported once per REPORT_EVERY_MS at most, with
// the count and the longest stall since the last line; short stalls are not.
import { describe, expect, it } from 'vitest';
import { REPORT_EVERY_MS, StallReport } from '../src/driver/stall-report.js';

describe('StallReport', () => {
  it('warns about stalls past the threshold, one line per interval with their count and the longest', () => {
    let now = 0;
    const lines: Array<{ obj: object; msg: string }> = [];
    const log = { debug: () => {}, info: () => {}, error: () => {}, warn: (obj: object, msg: string) => lines.push({ obj, msg }) };
    const report = new StallReport({ nowMs: () => now }, log, 150);
    report.note(100); // short: not counted
    expect(lines).toEqual([]);
    report.note(400);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.obj).toEqual({ stalls: 1, longestMs: 400, thresholdMs: 150 });
    now = 1_000;
    report.note(200);
    report.note(900);
    expect(lines).toHaveLength(1);
    now = REPORT_EVERY_MS;
    report.note(150);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.obj).toEqual({ stalls: 3, longestMs: 900, thresholdMs: 150 });
    expect(lines[1]!.msg).toContain('event loop stalled 900 ms');
  });
});

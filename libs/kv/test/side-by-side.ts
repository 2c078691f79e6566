/** Side-by-side HTTP requests to mgmt and a real etcd, with what differs between two clusters masked. */
import { expect } from 'vitest';

/** Masks what differs between two clusters: ids and terms in headers, members' names and URLs. */
export function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (['cluster_id', 'member_id', 'raft_term'].includes(k) || (k === 'leader' && typeof v !== 'object')) out[k] = '<id>';
    else out[k] = mask(v);
  }
  return out;
}

/** An HTTP answer: status and body (parsed JSON, JSON lines as an array, or text), masked. */
export interface Answer {
  status: number;
  body: unknown;
}

/** Sends one request; never throws on an HTTP error status. */
export async function post(endpoint: string, path: string, body: string, method = 'POST', headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`http://${endpoint}${path}`, { method, body: method === 'GET' ? undefined : body, headers });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text.trim().split('\n').map((line) => JSON.parse(line));
    if ((parsed as unknown[]).length === 1) parsed = (parsed as unknown[])[0];
  } catch {
    // not JSON: compare the text
  }
  return { status: res.status, body: mask(parsed) };
}

/** Sends the same request to `ours` and `theirs` and expects the same answer; returns ours. */
export async function sameOn(oursEndpoint: string, theirsEndpoint: string, path: string, body: unknown, method = 'POST'): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const [ours, theirs] = await Promise.all([post(oursEndpoint, path, text, method), post(theirsEndpoint, path, text, method)]);
  expect({ path, request: body, ...ours }).toEqual({ path, request: body, ...theirs });
  return ours;
}


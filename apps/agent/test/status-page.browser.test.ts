// Proves the live status page in a real browser (Debian's headless
// Chromium through playwright-core) against a running demo: `mgmt demo
// --agents 5 --ideal-cluster-size 3` as a real process (five agents as
// worker threads, Raft over the worker transport). The states the page shows
// for every host match what the cluster says (/_mgmt/status keys and
// etcdctl member list), the lit chart states are a host's, and raising
// idealClusterSize with etcdctl makes the page follow the cluster as it
// grows to five members. Saves a screenshot to apps/agent/out/.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from './helpers.js';
import { etcdctlAny, votersOfAny } from './process-harness.js';

const chromiumPath = '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '../../..');
let demo: ChildProcess;
let output = '';
let browser: Browser;
let statusUrl: string;
/** host:port of every agent's etcd API, for etcdctl. */
let endpoints: string[] = [];

beforeAll(async () => {
  statusUrl = `http://127.0.0.1:${await freePort()}`;
  demo = spawn(path.join(root, 'node_modules/.bin/mgmt'), ['demo', '--agents', '5', '--ideal-cluster-size', '3', '--base-port', '0', '--status-url', statusUrl], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  demo.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const line = await waitFor('the demo to print its client URLs', () => /etcd v3 API on (.*) \(/.exec(output)?.[1], 120_000);
  endpoints = line.split(' ').map((u) => new URL(u).host);
  await waitFor('three voters', async () => (await votersOfAny(endpoints))?.length === 3, 90_000);
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (demo && demo.exitCode === null) {
    const exited = new Promise((resolve) => demo.once('exit', resolve));
    demo.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    demo.kill('SIGKILL');
  }
}, 30_000);

/** An element's data-* attributes, typed without the DOM library (these callbacks run in the page). */
type WithData = { dataset: Record<string, string | undefined> };

/** host -> state as the page's table shows it. */
async function pageStates(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#hosts tbody tr', (rows) => Object.fromEntries(rows.map((r) => [(r as unknown as WithData).dataset.host ?? '', (r as unknown as WithData).dataset.state ?? ''])));
}

/** host -> state as the agents published it in the store. */
async function storeStates(): Promise<Record<string, string>> {
  const out = await etcdctlAny(endpoints, 'get', '--prefix', '/_mgmt/status/', '--print-value-only');
  const states = out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { hostname: string; state: string });
  return Object.fromEntries(states.map((s) => [s.hostname, s.state]));
}

describe('status page of the demo in a browser', () => {
  it('shows the cluster as it is, and follows it when it grows', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${statusUrl}/`);
    await page.waitForSelector('#chart svg', { timeout: 30_000 });

    // The page agrees with the store and with the member list.
    const agreed = await waitFor('page matches the cluster', async () => {
      const [shown, stored, members] = [await pageStates(page), await storeStates(), await votersOfAny(endpoints)];
      const peers = Object.entries(shown).filter(([, s]) => s === 'peer.running').map(([h]) => h).sort();
      return JSON.stringify(shown) === JSON.stringify(Object.fromEntries(Object.entries(stored).sort())) && JSON.stringify(peers) === JSON.stringify(members) ? shown : undefined;
    }, 30_000);
    expect(Object.keys(agreed).sort()).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(Object.values(agreed).filter((s) => s === 'peer.running')).toHaveLength(3);
    expect(Object.values(agreed).filter((s) => s === 'volunteer.waiting')).toHaveLength(2);
    const lit = await page.$eval('#chart', (c) => (c as unknown as WithData).dataset.states ?? '');
    expect(lit.includes('lifecycle.peer.running') || lit.includes('lifecycle.volunteer.waiting')).toBe(true);

    // Grow the cluster with etcdctl: the page follows.
    await etcdctlAny(endpoints, 'put', '/_mgmt/idealClusterSize', '5');
    await waitFor('page shows five peers', async () => Object.values(await pageStates(page)).filter((s) => s === 'peer.running').length === 5, 120_000);
    expect(await page.$eval('#ideal', (e) => e.textContent)).toBe('5');
    expect(await votersOfAny(endpoints)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);

    // The metrics of all five agents, merged.
    const metrics = await (await fetch(`${statusUrl}/metrics`)).text();
    for (const h of ['h1', 'h2', 'h3', 'h4', 'h5']) expect(metrics).toContain(`agent="${h}"`);
    expect(metrics).toContain('mgmt_request_duration_seconds_bucket');

    const out = path.resolve(import.meta.dirname, '../out');
    fs.mkdirSync(out, { recursive: true });
    await page.screenshot({ path: path.join(out, 'status-page.png'), fullPage: true });
    await page.close();
  }, 240_000);
});

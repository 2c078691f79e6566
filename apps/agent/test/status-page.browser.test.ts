// Proves the live status page in a real browser (Debian's headless
// Chromium through playwright-core): against real `mgmt run` processes, the
// states the page shows for every host match what the cluster says
// (/_mgmt/status keys and etcdctl member list), the lit chart state is the
// selected host's, and raising idealClusterSize with etcdctl makes the page
// follow the cluster as it grows. Saves a screenshot to apps/agent/out/.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, startAgent, voterNames, type AgentProc } from './process-harness.js';

const chromiumPath = '/usr/bin/chromium';
const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };
let browser: Browser;
let statusUrl: string;

beforeAll(async () => {
  tmp = tempDir('mgmt-page-');
  statusUrl = `http://127.0.0.1:${await freePort()}`;
  const h1 = await startAgent({ name: 'h1', dir: tmp.dir, ideal: 2, extra: ['--status-url', statusUrl] });
  procs.push(h1);
  await waitFor('h1 serves', async () => (await voterNames(h1.endpoint))?.length === 1, 60_000);
  for (const name of ['h2', 'h3']) procs.push(await startAgent({ name, dir: tmp.dir, seeds: [h1.clientUrl] }));
  await waitFor('two voters', async () => (await voterNames(h1.endpoint))?.length === 2, 90_000);
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await killAll(procs);
  tmp.cleanup();
});

/** host -> state as the page's table shows it. */
/** An element's data-* attributes, typed without the DOM library (these callbacks run in the page). */
type WithData = { dataset: Record<string, string | undefined> };

async function pageStates(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#hosts tbody tr', (rows) => Object.fromEntries(rows.map((r) => [(r as unknown as WithData).dataset.host ?? '', (r as unknown as WithData).dataset.state ?? ''])));
}

/** host -> state as the agents published it in the store. */
async function storeStates(endpoint: string): Promise<Record<string, string>> {
  const out = await etcdctl(endpoint, 'get', '--prefix', '/_mgmt/status/', '--print-value-only');
  const states = out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { hostname: string; state: string });
  return Object.fromEntries(states.map((s) => [s.hostname, s.state]));
}

describe('status page in a browser', () => {
  it('shows the cluster as it is, and follows it when it grows', async () => {
    const h1 = procs[0]!;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${statusUrl}/`);
    await page.waitForSelector('#chart svg', { timeout: 30_000 });

    // The page agrees with the store and with the member list.
    const agreed = await waitFor('page matches the cluster', async () => {
      const [shown, stored, voters] = [await pageStates(page), await storeStates(h1.endpoint), await voterNames(h1.endpoint)];
      const peers = Object.entries(shown).filter(([, s]) => s === 'peer.running').map(([h]) => h).sort();
      return JSON.stringify(shown) === JSON.stringify(Object.fromEntries(Object.entries(stored).sort())) && JSON.stringify(peers) === JSON.stringify(voters) ? shown : undefined;
    }, 30_000);
    expect(Object.keys(agreed).sort()).toEqual(['h1', 'h2', 'h3']);
    expect(Object.values(agreed).filter((s) => s === 'peer.running')).toHaveLength(2);
    expect(await page.$eval('#chart', (c) => (c as unknown as WithData).dataset.states)).toContain('lifecycle.peer.running');

    // Grow the cluster with etcdctl: the page follows.
    await etcdctl(h1.endpoint, 'put', '/_mgmt/idealClusterSize', '3');
    await waitFor('page shows three peers', async () => Object.values(await pageStates(page)).filter((s) => s === 'peer.running').length === 3, 90_000);
    expect(await page.$eval('#ideal', (e) => e.textContent)).toBe('3');
    expect(await voterNames(h1.endpoint)).toEqual(['h1', 'h2', 'h3']);

    const out = path.resolve(import.meta.dirname, '../out');
    fs.mkdirSync(out, { recursive: true });
    await page.screenshot({ path: path.join(out, 'status-page.png'), fullPage: true });
    await page.close();
  }, 180_000);
});

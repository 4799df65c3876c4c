/**
 * npm run bench:web
 *
 * The web app as a user first meets it, on the demo data (a fresh embedded database with the
 * 5,000-person demo county): bundle sizes (raw and gzip) of the built app, and in Chromium the
 * time from opening the site to the login page, and from pressing 登录 to the home page's
 * figures and to its map, each over a cold browser cache. Prints numbers; asserts nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { buildApp, createContext, DEMO_PASSWORD, loadConfig, openDatabase, prepareDatabase, seedDemoIfEmpty } from '@anju/server';
import { webDistDir } from '../packages/server/src/platform/web-static.js';

const dist = webDistDir();
if (!dist) throw new Error('build the web app first: npm run build');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}
let raw = 0;
let gz = 0;
let mapsRaw = 0;
for (const f of files(dist)) {
  const body = readFileSync(f);
  if (f.endsWith('.json')) {
    mapsRaw += body.length;
    continue;
  }
  raw += body.length;
  gz += gzipSync(body).length;
}
console.log(`bundle (JS, CSS, HTML): ${(raw / 1024).toFixed(0)} kB raw, ${(gz / 1024).toFixed(0)} kB gzip; province map shapes ${(mapsRaw / 1024).toFixed(0)} kB raw (only the one on screen is fetched)`);

const dataDir = await mkdtemp(join(tmpdir(), 'anju-web-bench-'));
const database = await openDatabase({ dataDir });
await prepareDatabase(database);
const ctx = createContext(database, { ...loadConfig({}), dataDir });
await seedDemoIfEmpty(ctx, { persons: 5000, seed: 1, province: '52' }, () => undefined);
const app = await buildApp(ctx, { webDir: dist });
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
const rows: number[][] = [];
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  let t = performance.now();
  await page.goto(url);
  await page.getByTestId('login-submit').waitFor();
  const loginPage = performance.now() - t;
  await page.getByTestId('login-username').fill('monitor');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  t = performance.now();
  await page.getByTestId('login-submit').click();
  await page.getByTestId('figure-people').getByText(/\d/).first().waitFor();
  const figures = performance.now() - t;
  await page.locator('[data-testid="dashboard"] canvas').first().waitFor();
  const charts = performance.now() - t;
  rows.push([loginPage, figures, charts]);
  await context.close();
}
const median = (k: number) => rows.map((r) => r[k]!).sort((a, b) => a - b)[1]!.toFixed(0);
console.log(`open site → login page ${median(0)} ms; 登录 → home figures ${median(1)} ms; → first chart drawn ${median(2)} ms (median of 3, cold cache)`);
await browser.close();
await app.close();
await database.close();

// The Hawtio console as an operator sees it, in Debian's headless Chromium: log in, list the Camel routes, open the
// chittyid.mint route's diagram, watch its exchange count rise with live traffic, find the chittyid connector's
// circuit breaker and the GitHub consumer's fetch metrics. Fails on any 4xx/5xx the console receives, including a failed
// request inside a Jolokia bulk answer. Screenshots of each step go to SCREENSHOT_DIR.
//
//   HUB_URL=http://127.0.0.1:8081 HUB_API_URL=http://127.0.0.1:8080 HUB_OPERATOR_PASSWORD=... HUB_API_KEY=... node console-check.mjs
//
// HUB_URL is the management port (the console), HUB_API_URL the public port the traffic goes to.
//
// Run by HawtioConsoleBrowserTest (mvn verify, so .ci/run) against the test hub.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const hub = required('HUB_URL').replace(/\/$/, '');
const api = required('HUB_API_URL').replace(/\/$/, '');
const apiKey = required('HUB_API_KEY');
const screenshots = process.env.SCREENSHOT_DIR || 'target/console-check';
const route = 'chittyid.mint';
const breakerRoute = 'upstream.chittyid.attempt';
const console_ = `${hub}/actuator/hawtio`;
const routeNode = name => `org.apache.camel-CamelContexts-chittyconnect-hub-routes-${name}-folder`;

function required(name) {
  if (!process.env[name]) {
    console.error(`${name} is required`);
    process.exit(2);
  }
  return process.env[name];
}

const failures = [];
const profile = mkdtempSync(join(tmpdir(), 'console-check-'));
mkdirSync(screenshots, { recursive: true });
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // the operator login: the hub answers the console with a Basic challenge
  httpCredentials: { username: process.env.HUB_OPERATOR_USERNAME || 'operator',
    password: required('HUB_OPERATOR_PASSWORD') },
  viewport: { width: 1400, height: 900 },
});
const page = browser.pages()[0] || await browser.newPage();
page.setDefaultTimeout(120_000);
page.on('response', async response => {
  if (!response.url().startsWith(hub)) return;
  if (response.status() >= 400) {
    failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    return;
  }
  if (response.url().includes('/jolokia') && response.request().method() === 'POST') {
    try {
      for (const answer of [].concat(await response.json())) {
        if (answer.status >= 400) {
          failures.push(`Jolokia ${answer.status} for ${JSON.stringify(answer.request).slice(0, 300)}: ${answer.error}`);
        }
      }
    } catch {
      // a body the page itself cannot read either: the status above already counted
    }
  }
});

async function step(name, action) {
  try {
    await action();
    console.log(`ok   ${name}`);
  } catch (e) {
    failures.push(`${name}: ${e.message.split('\n')[0]}`);
    console.log(`FAIL ${name}: ${e.message.split("\n")[0]}`);
  }
  await page.screenshot({ path: join(screenshots, `hawtio-${name}.png`) }).catch(() => {});
}

async function open(path) {
  await page.goto(`${console_}${path}`, { waitUntil: 'domcontentloaded' });
}

async function mint(times) {
  for (let i = 0; i < times; i++) {
    // whatever the upstream answers, the call is an exchange of the route
    await fetch(`${api}/api/chittyid/mint`, { method: 'POST', body: '{"entity":"PEO"}',
      headers: { 'Content-Type': 'application/json', 'X-ChittyOS-API-Key': apiKey } });
  }
}

async function findInJmxTree(text) {
  await open('/jmx/attributes');
  await page.locator('li[id="org.apache.camel-folder"]').waitFor();
  await page.locator('#input-search').fill(text);
  await page.locator('#input-search').press('Enter');
}

async function clickTreeNode(selector) {
  await page.locator(selector).first().locator('button.pf-v6-c-tree-view__node-text').first().click();
}

const exchangesTotal = () => page.locator('tr', { has: page.getByText('ExchangesTotal', { exact: true }) })
    .locator('td').nth(1).innerText().then(Number);

try {
  await step('routes', async () => {
    await open('/camel/routes');
    // the table reads every route one request at a time: minutes on a busy 2-core machine
    await page.locator('table').getByText(route, { exact: true }).waitFor({ timeout: 480_000 });
    await page.locator('table').getByText(breakerRoute, { exact: true }).waitFor();
  });

  await step('route-diagram', async () => {
    // not from the routes table, whose one-request-per-route reads would queue ahead of everything else
    await open('/camel/routeDiagram');
    await clickTreeNode(`li[id="${routeNode(route)}"]`);
    await page.getByText(`name="${route}"`).waitFor();
    await page.locator('.camel-node-label', { hasText: 'To json-validator' }).waitFor();
  });

  await step('route-exchanges', async () => {
    // a click while the diagram is still rendering can be lost: click again until the attributes table shows
    for (let attempt = 1; ; attempt++) {
      await page.getByText('Attributes', { exact: true }).click();
      try {
        await page.getByText('ExchangesTotal', { exact: true }).waitFor({ timeout: 15_000 });
        break;
      } catch (notYet) {
        if (attempt === 5) throw notYet;
      }
    }
    const before = await exchangesTotal();
    await mint(2);
    // the console polls the route's MBean: its count must rise while the page is open
    const deadline = Date.now() + 60_000;
    let now = before;
    while (now < before + 2 && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      now = await exchangesTotal();
    }
    if (now < before + 2) throw new Error(`ExchangesTotal stayed at ${now} (was ${before}) after 2 calls`);
    console.log(`     ${route}: ${before} -> ${now} exchanges`);
  });

  await step('circuit-breaker', async () => {
    // the connector's breaker is a processor of its attempt route, under a generated id
    await findInJmxTree('circuitBreaker');
    await clickTreeNode(`li[id^="${routeNode(breakerRoute).replace(/-folder$/, '')}-circuitBreaker"]`
        + '[id$=":circuitBreaker-folder"]');
    // Hawtio shows the breaker as a folder of the steps it guards (its state attribute is not on this page)
    await page.getByRole('heading', { name: /^circuitBreaker\d*: circuitBreaker$/ }).waitFor();
    await page.locator('table').getByText('resilience4jConfiguration', { exact: true }).waitFor();
  });

  await step('kafka-consumer', async () => {
    await findInJmxTree('consumer-fetch-manager-metrics');
    // a consumer thread of the GitHub group, with its per-topic fetch metrics MBeans
    await clickTreeNode('li[id^="kafka.consumer-"][id*="chittyconnect-github"]');
    await page.locator('table').getByText(/consumer-fetch-manager-metrics,client-id=consumer-chittyconnect-github/)
        .first().waitFor();
  });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.log(`the console failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('the console works: routes, live diagram, circuit breaker, Kafka consumer');

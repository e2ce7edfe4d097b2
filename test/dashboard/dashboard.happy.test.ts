import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { sharedApp } from '../helpers/app.js';
import { pricedPlan, useBillingApp } from '../helpers/billing.js';
import {
  chromiumPath,
  DASHBOARD_PAGES,
  launchChromium,
  openPage,
  openTab,
  seriousA11yViolations,
  signIn,
} from '../helpers/browser.js';
import { addUser, gqlText, ok, signUp, unique, type Tenant } from '../helpers/graphql.js';
import { runAgent } from '../helpers/runs.js';
import { findUser } from '../../src/users/index.js';

const PERIOD = graphql(`
  query DashboardTestPeriod {
    viewer {
      tenant {
        usageSummary {
          periodStart
          spendUsd
          tokens
        }
      }
    }
  }
`);
const OUTCOMES = graphql(`
  query DashboardTestOutcomes($from: DateTime!, $to: DateTime!) {
    runOutcomes(from: $from, to: $to) {
      status
      runs
    }
  }
`);
const BUDGET = graphql(`
  query DashboardTestBudget($u: ID!) {
    budgetStatus(userId: $u) {
      daily {
        limit
      }
    }
  }
`);
const ROTATE = graphql(`
  mutation DashboardTestRotate {
    rotateAlertSigningSecret {
      createdAt
    }
  }
`);
const ALERTS = graphql(`
  query DashboardTestAlerts($status: AlertStatus) {
    alerts(first: 20, status: $status) {
      edges {
        node {
          id
          kind
          status
        }
      }
    }
  }
`);
const MY_BUDGET = graphql(`
  query DashboardTestMyBudget {
    budgetStatus {
      daily {
        used
      }
    }
  }
`);
const HOSTILE_AGENT = graphql(`
  mutation DashboardTestAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      slug
    }
  }
`);

const HOSTILE = '<img src=x onerror=alert(1)>';

/**
 * The dashboard in a real headless Chromium (the system's), against a Governor with billing on
 * (the tests' Stripe server). Where no Chromium is installed these skip, saying so; CI installs it.
 */
describe.skipIf(!chromiumPath)('the dashboard', () => {
  const env = useBillingApp();
  let browser: Browser;
  let t: Tenant;
  let member: { id: string; key: string; email: string };
  let hostile: { id: string; key: string; email: string };
  let memberRuns = 0;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await signUp(env.app);
    member = await addUser(env.app, t, 'MEMBER');
    hostile = await addUser(env.app, t, 'MEMBER', HOSTILE);
    const agent = await ok(
      env.app,
      HOSTILE_AGENT,
      { input: { name: HOSTILE, slug: unique('hostile-'), instructions: 'Answer briefly.' } },
      t.ownerKey,
    );
    for (let i = 0; i < 3; i++)
      await runAgent(env.app, t.ownerKey, { agent: 'assistant', message: `owner question ${i}` });
    for (let i = 0; i < 2; i++, memberRuns++)
      await runAgent(env.app, member.key, { agent: 'assistant', message: `member question ${i}` });
    await runAgent(env.app, hostile.key, { agent: agent.createAgent.slug, message: 'a hostile question' });
    await env.app.runtime.deps.outbox.flush();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the page under a strict Content-Security-Policy: no inline script, nothing from elsewhere', async () => {
    const res = await fetch(`${env.app.url}/dashboard`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]),
    );
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|\son\w+=/);
    for (const asset of ['app.js', 'app.css', 'uPlot.esm.js', 'uPlot.min.css']) {
      const a = await fetch(`${env.app.url}/dashboard/assets/${asset}`);
      expect(a.status, asset).toBe(200);
      expect(a.headers.get('content-security-policy')).toBe(csp);
      // Read to the end: a response left unread holds its connection (and the server's close) open.
      expect((await a.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
  });

  it("signs in with a key and shows the API's figures, with a chart that has data", async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, env.app.url, t.ownerKey);
    const summary = (await ok(env.app, PERIOD, {}, t.ownerKey)).viewer.tenant.usageSummary;
    const from = new Date(summary.periodStart);
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const api = await ok(env.app, OUTCOMES, { from: from.toISOString(), to: to.toISOString() }, t.ownerKey);
    const figure = async (title: string) =>
      (await page.getByRole('heading', { name: title }).locator('xpath=following-sibling::p[1]').textContent())!;
    const asNumber = (text: string) => Number(text.replace(/[$,]/g, ''));
    expect(Math.abs(asNumber(await figure('Spend this month')) - summary.spendUsd)).toBeLessThan(1e-6);
    expect(asNumber(await figure('Tokens this month'))).toBe(summary.tokens);
    expect(summary.tokens).toBeGreaterThan(0);
    // Runs by outcome: the API's counts, one bar each.
    const outcomes = page.getByRole('region', { name: 'Runs by outcome' }).getByRole('listitem');
    const shown = await outcomes.allTextContents();
    expect(shown.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(api.runOutcomes.map((o) => `${o.status}${o.runs}`));
    // The chart: a canvas with the bars' colour on it, and a row of figures per day with spend.
    await page.locator('.chart canvas').waitFor();
    // (Evaluated in the page: a string, since this project's types are Node's, not the DOM's.)
    const blue = await page.evaluate(`(() => {
      const c = document.querySelector('.chart canvas');
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 2] > 150 && data[i + 2] > data[i] + 60) n++;
      return n;
    })()`);
    expect(blue).toBeGreaterThan(20);
    expect(await page.locator('details table tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says a wrong key is wrong, on the page, and signs nobody in', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${env.app.url}/dashboard`);
    await page.getByLabel('API key').fill('gov_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/API key/);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    await context.close();
  });

  it('shows a MEMBER their own usage and runs only', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, env.app.url, member.key);
    const own = await ok(env.app, MY_BUDGET, {}, member.key);
    const today = page.getByRole('heading', { name: 'Your tokens today' }).locator('xpath=following-sibling::p[1]');
    expect(Number((await today.textContent())!.replace(/,/g, ''))).toBe(own.budgetStatus.daily.used);
    expect(await page.getByRole('heading', { name: 'Spend by user' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Alerts' }).isVisible()).toBe(false);
    await openTab(page, 'Runs');
    const users = await page.locator('tr[data-run] td[data-label="User"]').allTextContents();
    expect(users).toEqual(Array.from({ length: memberRuns }, () => member.email));
    await openTab(page, 'Budgets');
    await page.getByText(/^Today: /).waitFor();
    // The alerts page is not a MEMBER's: asked for by its address, the overview is shown.
    await page.goto(`${env.app.url}/dashboard#/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets an ADMIN set a user's limits in place, closest to a limit first", async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, env.app.url, t.ownerKey);
    await openTab(page, 'Budgets');
    const card = page.getByRole('region', { name: member.email });
    await card.getByLabel('Daily tokens').fill('1234');
    await card.getByRole('button', { name: 'Set limits' }).click();
    await card.getByText('Saved.').waitFor();
    const status = await ok(env.app, BUDGET, { u: member.id }, t.ownerKey);
    expect(status.budgetStatus.daily.limit).toBe(1234);
    // Only the changed field was sent: the monthly limit is still the plan's, not pinned to it.
    const stored = await findUser(env.app.runtime.deps.db, t.tenantId, member.id);
    expect([stored?.dailyTokenLimit, stored?.monthlyTokenLimit]).toEqual([1234, null]);
    // The member with the smallest limit now comes first.
    await page.reload();
    await openTab(page, 'Budgets');
    expect(await page.locator('main section[aria-label]').first().getAttribute('aria-label')).toBe(member.email);
    // An emptied field goes back to the plan's limit.
    const again = page.getByRole('region', { name: member.email });
    await again.getByLabel('Daily tokens').fill('');
    await again.getByRole('button', { name: 'Set limits' }).click();
    await expect
      .poll(async () => (await findUser(env.app.runtime.deps.db, t.tenantId, member.id))?.dailyTokenLimit)
      .toBeNull();
    await context.close();
  });

  it('filters runs by user; sets the webhook, sends a test alert and acknowledges it', async () => {
    await ok(env.app, ROTATE, {}, t.ownerKey);
    const { context, page } = await openPage(browser);
    await signIn(page, env.app.url, t.ownerKey);
    await openTab(page, 'Runs');
    await page.getByLabel('User id').fill(member.id);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect
      .poll(async () => page.locator('tr[data-run] td[data-label="User"]').allTextContents())
      .toEqual(Array.from({ length: memberRuns }, () => member.email));

    await openTab(page, 'Alerts');
    await page.getByLabel('Webhook URL').fill('http://127.0.0.1:9/governor-alerts');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Send a test' }).click();
    await page.getByText(/^Test alert sent/).waitFor();
    const open = (await ok(env.app, ALERTS, { status: 'OPEN' }, t.ownerKey)).alerts.edges.map((e) => e.node);
    const test = open.find((a) => a.kind === 'TEST')!;
    expect(test).toBeDefined();
    await page.reload();
    await openTab(page, 'Alerts');
    const item = page.locator(`li[data-alert="${test.id}"]`);
    await item.getByRole('button', { name: /^Acknowledge/ }).click();
    await item.waitFor({ state: 'detached' });
    const after = (await ok(env.app, ALERTS, {}, t.ownerKey)).alerts.edges.find((e) => e.node.id === test.id);
    expect(after?.node.status).toBe('ACKNOWLEDGED');
    await context.close();
  });

  it("follows an upgrade to the Checkout page of the tests' Stripe server", async () => {
    const plan = await pricedPlan(env.app, 'hobby', { name: unique('Dashboard plan '), rank: 1 });
    const { context, page } = await openPage(browser);
    await signIn(page, env.app.url, t.ownerKey);
    await openTab(page, 'Plan and billing');
    await page.getByRole('button', { name: `Upgrade to ${plan.name}` }).click();
    await page.waitForURL((url) => url.href.startsWith(env.stripe.url));
    await context.close();
  });

  it('says so when billing is off, instead of an upgrade', async () => {
    const plain = await sharedApp();
    const other = await signUp(plain);
    const { context, page } = await openPage(browser);
    await signIn(page, plain.url, other.ownerKey);
    await openTab(page, 'Plan and billing');
    await page
      .getByRole('button', { name: /^Upgrade to / })
      .first()
      .click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/[Bb]illing/);
    expect(page.url()).toContain('/dashboard');
    await context.close();
  });

  it('renders hostile names as text: no script runs even with the CSP bypassed', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, env.app.url, t.ownerKey);
    // Through innerHTML the payload would be an <img> element at once: none may exist on any page.
    await page.getByRole('region', { name: 'Spend by agent' }).getByText(HOSTILE).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    await openTab(page, 'Budgets');
    await page.getByText(`${HOSTILE} · ${hostile.email}`).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    await openTab(page, 'Runs');
    await page.locator('td[data-label="Agent"]', { hasText: HOSTILE }).first().waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('has no serious accessibility violations on any page, and fits a phone screen', async () => {
    for (const width of [1200, 375]) {
      const { context, page, errors } = await openPage(browser, { bypassCSP: true, width });
      await signIn(page, env.app.url, t.ownerKey);
      for (const [, name] of DASHBOARD_PAGES) {
        if (name !== 'Overview') await openTab(page, name);
        expect(await seriousA11yViolations(page), `${name} at ${width} px`).toEqual([]);
        const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('works from the keyboard: the skip link keeps the page, a link opens the next', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, env.app.url, t.ownerKey);
    await openTab(page, 'Runs');
    // The skip link, reached by the keyboard (the page puts focus on its content once drawn).
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Runs');
    await page.getByRole('link', { name: 'Budgets' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Budgets' }).waitFor();
    await context.close();
  });

  it('shows the sign-in form, with why, when the session ends under it', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, env.app.url, t.ownerKey);
    const token = await page.evaluate<string>(`sessionStorage.getItem('governor.session')`);
    await gqlText(env.app, 'mutation { endSession }', {}, token);
    await page.getByRole('navigation').getByRole('link', { name: 'Runs' }).click();
    await page.getByLabel('API key').waitFor();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/session has ended/);
    await context.close();
  });

  it('signs out: the session token stops working at once', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, env.app.url, t.ownerKey);
    const token = await page.evaluate<string | null>(`sessionStorage.getItem('governor.session')`);
    expect(token).toMatch(/^gss_/);
    expect((await gqlText(env.app, '{ viewer { tenant { id } } }', {}, token!)).errors).toBeUndefined();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate(`sessionStorage.getItem('governor.session')`)).toBeNull();
    const after = await gqlText(env.app, '{ viewer { tenant { id } } }', {}, token!);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await context.close();
  });
});

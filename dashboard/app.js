// The Governor dashboard: a client of Governor's own GraphQL API, served by Governor itself.
// No build step. Every text from the API goes into the page as a text node (never as HTML), and
// the page's Content-Security-Policy allows scripts from this origin only.
import uPlot from './uPlot.esm.js';

const SESSION = 'governor.session';
const main = document.getElementById('main');

// ---------- small helpers ----------

/** An element: `props` are attributes (`class`, `on*` listeners, `text`); children are nodes or text. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const usd = (n) =>
  `$${Number(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: n < 1 ? 6 : 2 })}`;
const int = (n) => Number(n).toLocaleString('en-US');
const pct = (n) => `${(Number(n) * 100).toFixed(1)}%`;
const when = (iso) =>
  new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }) + ' UTC';

class ApiError extends Error {
  constructor(error) {
    super(error.message);
    this.code = error.extensions?.code;
  }
}

/** The session ended (expired, signed out elsewhere, its key revoked): the sign-in form is showing. */
class SignedOut extends Error {}

/** One GraphQL request with the session token (or, to start a session, an API key). */
async function api(query, variables = {}, bearer = sessionStorage.getItem(SESSION)) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: `The server answered ${res.status}.` }] }));
  if (body.errors?.length) {
    const err = new ApiError(body.errors[0]);
    if (err.code === 'UNAUTHENTICATED' && bearer === sessionStorage.getItem(SESSION)) {
      signedOut(err.message);
      throw new SignedOut(err.message);
    }
    throw err;
  }
  return body.data;
}

let shown = 0;

/**
 * A page's body: a heading, then its content, or its error said plainly. Only the page asked for
 * last is drawn (a slow one never covers a newer one), and never over the sign-in form.
 */
async function page(title, build) {
  const mine = ++shown;
  main.replaceChildren(h('h1', { text: title }), h('p', { class: 'note', text: 'Loading…' }));
  let content;
  try {
    content = [await build()].flat();
  } catch (err) {
    if (err instanceof SignedOut) return;
    content = [h('p', { class: 'error', role: 'alert', text: err.message })];
  }
  if (mine !== shown || !viewer) return;
  main.replaceChildren(h('h1', { text: title }), ...content);
  main.focus();
}

/** Ranked bars: a label, the value, and a bar as wide as its share of `max` (the largest, by default). */
function bars(title, rows, format, top = Math.max(...rows.map((r) => r.value), 0)) {
  return h(
    'section',
    { class: 'card', 'aria-label': title },
    h('h2', { text: title }),
    rows.length
      ? h(
          'ul',
          { class: 'bars' },
          rows.map((r) => {
            const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
            bar.style.width = `${top > 0 ? (100 * r.value) / top : 0}%`;
            return h(
              'li',
              {},
              h('span', { class: 'label', text: r.label }),
              h('span', { class: 'value', text: format(r.value) }),
              h('span', { class: 'track' }, bar),
            );
          }),
        )
      : h('p', { class: 'note', text: 'Nothing yet this month.' }),
  );
}

/** A figure card. */
const card = (title, figure, note) =>
  h(
    'section',
    { class: 'card' },
    h('h2', { text: title }),
    h('p', { class: 'figure', text: figure }),
    note && h('p', { class: 'note', text: note }),
  );

/** Spend per day this month as a uPlot bar chart on a canvas, with the same figures as a table. */
function dailyChart(days, month) {
  const section = h(
    'section',
    { class: 'card', 'aria-label': 'Spend per day' },
    h('h2', { text: 'Spend per day (USD)' }),
  );
  const holder = h('div', {
    class: 'chart',
    role: 'img',
    'aria-label': `Spend per day: ${days.length} days with spend this month`,
  });
  section.append(holder);
  const xs = days.map((d) => Date.parse(d.day) / 1000);
  const ys = days.map((d) => d.costUsd);
  const width = () => Math.max(260, holder.clientWidth || main.clientWidth - 40);
  requestAnimationFrame(() => {
    const plot = new uPlot(
      {
        width: width(),
        height: 220,
        scales: { x: { time: true, range: () => [month.start / 1000, month.end / 1000] } },
        axes: [{}, { size: 80, values: (_, ticks) => ticks.map((t) => usd(t)) }],
        series: [
          {},
          {
            label: 'Spend',
            stroke: '#1f5fbf',
            fill: 'rgba(31,95,191,0.35)',
            paths: uPlot.paths.bars({ size: [0.8, 24] }),
          },
        ],
        legend: { show: false },
      },
      [xs, ys],
      holder,
    );
    new ResizeObserver(() => plot.setSize({ width: width(), height: 220 })).observe(holder);
  });
  section.append(
    h(
      'details',
      {},
      h('summary', {}, 'The figures'),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col', text: 'Day (UTC)' }), h('th', { scope: 'col', text: 'Spend' })),
        ),
        h(
          'tbody',
          {},
          days.map((d) => h('tr', {}, h('td', { text: d.day.slice(0, 10) }), h('td', { text: usd(d.costUsd) }))),
        ),
      ),
    ),
  );
  return section;
}

// ---------- session ----------

let viewer;

function signedOut(message) {
  sessionStorage.removeItem(SESSION);
  viewer = undefined;
  shown++;
  signIn(message);
}

function signIn(message) {
  document.getElementById('top').hidden = true;
  document.getElementById('nav').hidden = true;
  const error = h('p', { class: 'error', role: 'alert', id: 'sign-in-error', text: message ?? '' });
  const key = h('input', {
    id: 'key',
    name: 'key',
    type: 'password',
    autocomplete: 'off',
    required: true,
    'aria-describedby': 'key-help sign-in-error',
  });
  const form = h(
    'form',
    {
      onsubmit: async (e) => {
        e.preventDefault();
        error.textContent = '';
        try {
          const data = await api('mutation DashboardSignIn { startSession { token expiresAt } }', {}, key.value.trim());
          sessionStorage.setItem(SESSION, data.startSession.token);
          key.value = '';
          await start();
        } catch (err) {
          error.textContent = err.message;
        }
      },
    },
    h('label', { for: 'key' }, 'API key'),
    key,
    h('p', {
      class: 'note',
      id: 'key-help',
      text: 'Paste a key of your tenant once: the page keeps only a session token that expires, for this tab.',
    }),
    h('button', { type: 'submit' }, 'Sign in'),
    error,
  );
  main.replaceChildren(h('section', { class: 'card signin' }, h('h1', { text: 'Sign in to Governor' }), form));
  key.focus();
}

const isAdmin = () => viewer?.user === null || ['OWNER', 'ADMIN'].includes(viewer?.user?.role);

async function start() {
  const data = await api(`query DashboardViewer {
    viewer { user { id email name role } tenant { id name plan { key name } } apiKey { kind } }
  }`);
  viewer = data.viewer;
  document.getElementById('top').hidden = false;
  document.getElementById('nav').hidden = false;
  const who = viewer.user ? `${viewer.user.email} (${viewer.user.role})` : 'service key (ADMIN)';
  document.getElementById('who').textContent = `${viewer.tenant.name} · ${who}`;
  for (const a of document.querySelectorAll('nav a[data-admin]')) a.parentElement.hidden = !isAdmin();
  route();
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await api('mutation DashboardSignOut { endSession }').catch(() => undefined);
  signedOut('You are signed out.');
});

// ---------- pages ----------

/** The UTC month that starts at `start` (the server's month, by its clock, not the browser's). */
const monthFrom = (start) => {
  const d = new Date(start);
  return { start: d.getTime(), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
};
/** The UTC month that ends at `end`. */
const monthTo = (end) => {
  const d = new Date(end);
  return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1), end: d.getTime() };
};

const USAGE = `query DashboardUsage($from: DateTime!, $to: DateTime!) {
  byDay: usage(from: $from, to: $to, groupBy: [DAY]) { day costUsd runs }
  byModel: usage(from: $from, to: $to, groupBy: [MODEL]) { model { id } costUsd }
  byAgent: usage(from: $from, to: $to, groupBy: [AGENT]) { agent { id name } costUsd runs strongShare }
  byUser: usage(from: $from, to: $to, groupBy: [USER]) { user { id email } costUsd }
  outcomes: runOutcomes(from: $from, to: $to) { status runs }
}`;

async function overview() {
  const admin = isAdmin();
  // The month's bounds come with the budget figures, from the server.
  const summary = await (admin
    ? api(`query DashboardSummary { viewer { tenant { usageSummary { periodStart spendUsd spendLimitUsd tokens
        tokenLimit cacheSavedCostUsd routingSavedCostUsd forecastSpendUsd } } } }`)
    : api(`query DashboardOwnBudget { budgetStatus { monthly { used limit resetsAt } daily { used limit } } }`));
  const month = admin
    ? monthFrom(summary.viewer.tenant.usageSummary.periodStart)
    : monthTo(summary.budgetStatus.monthly.resetsAt);
  const usage = await api(USAGE, { from: new Date(month.start).toISOString(), to: new Date(month.end).toISOString() });
  const cards = [];
  if (admin) {
    const s = summary.viewer.tenant.usageSummary;
    cards.push(
      card(
        'Spend this month',
        usd(s.spendUsd),
        `of ${usd(s.spendLimitUsd)}; month-end forecast ${usd(s.forecastSpendUsd)}`,
      ),
      card('Tokens this month', int(s.tokens), `of the pool's ${int(s.tokenLimit)}`),
      card('Saved by the cache', usd(s.cacheSavedCostUsd), 'what the cached answers would have cost again'),
      card('Saved by routing', usd(s.routingSavedCostUsd), 'against always running the strong model'),
    );
  } else {
    const b = summary.budgetStatus;
    const spent = usage.byDay.reduce((n, d) => n + d.costUsd, 0);
    cards.push(
      card('Your spend this month', usd(spent)),
      card('Your tokens today', int(b.daily.used), `of ${int(b.daily.limit)}`),
      card('Your tokens this month', int(b.monthly.used), `of ${int(b.monthly.limit)}`),
    );
  }
  const agents = usage.byAgent.filter((r) => r.agent);
  return [
    h('div', { class: 'grid' }, cards),
    dailyChart(
      usage.byDay.filter((d) => d.day),
      month,
    ),
    h(
      'div',
      { class: 'grid' },
      bars(
        'Spend by model',
        usage.byModel.filter((r) => r.model).map((r) => ({ label: r.model.id, value: r.costUsd })),
        usd,
      ),
      bars(
        'Spend by agent',
        agents.map((r) => ({ label: r.agent.name, value: r.costUsd })),
        usd,
      ),
      admin &&
        bars(
          'Spend by user',
          usage.byUser.filter((r) => r.user).map((r) => ({ label: r.user.email, value: r.costUsd })),
          usd,
        ),
      bars(
        'Runs by outcome',
        usage.outcomes.map((r) => ({ label: r.status, value: r.runs })),
        int,
      ),
      bars(
        'Strong-model share by agent',
        agents.filter((r) => r.strongShare !== null).map((r) => ({ label: r.agent.name, value: r.strongShare })),
        pct,
        1,
      ),
    ),
  ];
}

/** A window's progress bar with its figures and reset time. */
function windowBar(name, w) {
  const share = w.limit > 0 ? w.used / w.limit : 0;
  const id = `w-${Math.random().toString(36).slice(2)}`;
  return h(
    'div',
    { class: 'window' },
    h(
      'label',
      { for: id },
      `${name}: ${int(w.used)} of ${int(w.limit)} tokens (${pct(share)}), resets ${when(w.resetsAt)}`,
    ),
    h('progress', {
      id,
      max: w.limit || 1,
      value: Math.min(w.used, w.limit),
      class: share >= 0.8 ? 'high' : undefined,
    }),
  );
}

const BUDGET_FIELDS = 'daily { used limit resetsAt } monthly { used limit resetsAt }';

async function budgets() {
  if (!isAdmin()) {
    const { budgetStatus } = await api(`query DashboardMyBudget { budgetStatus { ${BUDGET_FIELDS} } }`);
    return h(
      'section',
      { class: 'card' },
      h('h2', { text: 'Your budget' }),
      windowBar('Today', budgetStatus.daily),
      windowBar('This month', budgetStatus.monthly),
    );
  }
  const list = h('div', {});
  const seen = new Set();
  const more = h('button', { type: 'button', class: 'quiet' }, 'More users');
  const load = async (after) => {
    const data = await api(
      `query DashboardBudgets($after: String) {
        users(first: 20, after: $after, orderBy: CLOSEST_TO_LIMIT) {
          edges { node { id email name role status budgetStatus { ${BUDGET_FIELDS} } } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { after },
    );
    // The order can move between pages: a user already shown is not shown twice.
    for (const { node: u } of data.users.edges) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      list.append(userBudget(u));
    }
    more.hidden = !data.users.pageInfo.hasNextPage;
    more.onclick = () =>
      load(data.users.pageInfo.endCursor).catch((err) =>
        more.after(h('p', { class: 'error', role: 'alert', text: err.message })),
      );
  };
  await load(undefined);
  return [h('p', { class: 'note', text: 'Users closest to a limit first.' }), list, more];
}

function userBudget(u) {
  const section = h('section', { class: 'card', 'aria-label': u.email });
  const render = (status) => {
    const limit = (name, value) => h('input', { type: 'number', min: 0, step: 1, name, id: `${name}-${u.id}`, value });
    const daily = limit('daily', status.daily.limit);
    const monthly = limit('monthly', status.monthly.limit);
    const said = h('p', { role: 'status', class: 'note' });
    const form = h(
      'form',
      {
        class: 'inline',
        'aria-label': `Limits of ${u.email}`,
        onsubmit: async (e) => {
          e.preventDefault();
          said.textContent = 'Saving…';
          // Only what was changed is sent; an emptied field goes back to the plan's limit.
          const input = { userId: u.id };
          const changed = (field, shown) => field.value.trim() !== String(shown);
          const limitOf = (field) => (field.value.trim() === '' ? null : Number(field.value));
          if (changed(daily, status.daily.limit)) input.dailyTokenLimit = limitOf(daily);
          if (changed(monthly, status.monthly.limit)) input.monthlyTokenLimit = limitOf(monthly);
          try {
            const res = await api(
              `mutation DashboardSetBudget($input: SetUserBudgetInput!) { setUserBudget(input: $input) { id budgetStatus { ${BUDGET_FIELDS} } } }`,
              { input },
            );
            render(res.setUserBudget.budgetStatus);
            section.querySelector('[role=status]').textContent = 'Saved.';
          } catch (err) {
            said.className = 'error';
            said.textContent = err.message;
          }
        },
      },
      h('label', { for: daily.id }, 'Daily tokens', daily),
      h('label', { for: monthly.id }, 'Monthly tokens', monthly),
      h('p', { class: 'note', text: 'Empty: the plan’s limit.' }),
      h('button', { type: 'submit' }, 'Set limits'),
    );
    section.replaceChildren(
      h(
        'h2',
        {},
        u.name ? `${u.name} · ${u.email}` : u.email,
        h('span', { class: 'note', text: ` ${u.role}${u.status === 'DISABLED' ? ', disabled' : ''}` }),
      ),
      windowBar('Today', status.daily),
      windowBar('This month', status.monthly),
      form,
      said,
    );
  };
  render(u.budgetStatus);
  return section;
}

const RUN_STATUSES = ['COMPLETED', 'CACHED', 'DEGRADED', 'BUDGET_EXCEEDED', 'RUN_LIMIT', 'FAILED', 'CANCELED'];

async function runs() {
  const filter = {};
  const results = h('div', {});
  const field = (label, input) => h('label', { for: input.id }, label, input);
  const user = h('input', { id: 'f-user', name: 'user', placeholder: 'usr_…', size: 14 });
  const agent = h('input', { id: 'f-agent', name: 'agent', placeholder: 'id or slug', size: 14 });
  const status = h(
    'select',
    { id: 'f-status', name: 'status' },
    h('option', { value: '' }, 'any'),
    RUN_STATUSES.map((s) => h('option', { value: s }, s)),
  );
  const from = h('input', { id: 'f-from', name: 'from', type: 'date' });
  const to = h('input', { id: 'f-to', name: 'to', type: 'date' });
  const load = async (after) => {
    results.replaceChildren(h('p', { class: 'note', text: 'Loading…' }));
    try {
      const data = await api(
        `query DashboardRuns($after: String, $filter: AgentRunFilter) {
          agentRuns(first: 25, after: $after, filter: $filter) {
            edges { node { id createdAt status agent { name } user { email } model { id } cached degradations
              route { tier reason } usage { totalTokens } costUsd savedCostUsd rating } }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        { after, filter },
      );
      results.replaceChildren(runTable(data.agentRuns, load));
    } catch (err) {
      results.replaceChildren(h('p', { class: 'error', role: 'alert', text: err.message }));
    }
  };
  const form = h(
    'form',
    {
      class: 'filters card',
      'aria-label': 'Filter runs',
      onsubmit: (e) => {
        e.preventDefault();
        for (const k of Object.keys(filter)) delete filter[k];
        if (user.value.trim()) filter.userId = user.value.trim();
        if (agent.value.trim()) filter.agentId = agent.value.trim();
        if (status.value) filter.status = status.value;
        if (from.value) filter.from = new Date(`${from.value}T00:00:00Z`).toISOString();
        if (to.value) filter.to = new Date(Date.parse(`${to.value}T00:00:00Z`) + 86_400_000).toISOString();
        void load(undefined);
      },
    },
    isAdmin() && field('User id', user),
    field('Agent', agent),
    field('Status', status),
    field('From (UTC)', from),
    field('To (UTC)', to),
    h('button', { type: 'submit' }, 'Filter'),
  );
  await load(undefined);
  return [form, results];
}

function runTable(conn, load) {
  const head = [
    'When',
    'Agent',
    'User',
    'Status',
    'Model',
    'Route',
    'Degradations',
    'Tokens',
    'Cost',
    'Saved',
    'Rating',
  ];
  const rows = conn.edges.map(({ node: r }) => {
    const cells = [
      when(r.createdAt),
      r.agent.name,
      r.user?.email ?? '—',
      r.status,
      r.model?.id ?? (r.cached ? 'cache' : '—'),
      `${r.route.tier}: ${r.route.reason}`,
      r.degradations.length ? r.degradations.join(', ') : 'none',
      int(r.usage.totalTokens),
      usd(r.costUsd),
      usd(r.savedCostUsd),
      r.rating ?? '—',
    ];
    return h(
      'tr',
      { 'data-run': r.id },
      cells.map((c, i) => h('td', { 'data-label': head[i], text: c })),
    );
  });
  // Scrolls sideways on a narrow screen: a focusable region, so the keyboard can scroll it too.
  return h(
    'div',
    { class: 'card', role: 'region', 'aria-label': 'Runs', tabindex: 0 },
    rows.length
      ? h(
          'table',
          { class: 'runs' },
          h('caption', { class: 'note', text: `${rows.length} runs, newest first` }),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              head.map((t) => h('th', { scope: 'col', text: t })),
            ),
          ),
          h('tbody', {}, rows),
        )
      : h('p', { class: 'note', text: 'No runs match.' }),
    conn.pageInfo.hasNextPage &&
      h('button', { type: 'button', class: 'quiet', onclick: () => load(conn.pageInfo.endCursor) }, 'Older runs'),
  );
}

async function alerts() {
  const data = await api(`query DashboardAlerts {
    alerts(first: 50, status: OPEN) { edges { node { id kind message createdAt deliveryStatus } } }
    viewer { tenant { alertWebhookUrl alertThresholds { dailySpendMultiplier userBudgetSharePercent runCostUsd } } }
  }`);
  const open = h('section', { class: 'card', 'aria-label': 'Open alerts' }, h('h2', { text: 'Open alerts' }));
  const list = h('ul', { class: 'alerts' });
  for (const { node: a } of data.alerts.edges) {
    const item = h(
      'li',
      { 'data-alert': a.id },
      h('strong', { text: a.kind }),
      ` ${a.message} `,
      h('span', { class: 'note', text: `(${when(a.createdAt)}, delivery ${a.deliveryStatus})` }),
      ' ',
      h(
        'button',
        {
          type: 'button',
          class: 'quiet',
          'aria-label': `Acknowledge: ${a.message}`,
          onclick: async (e) => {
            e.target.disabled = true;
            try {
              await api('mutation DashboardAck($id: ID!) { acknowledgeAlert(id: $id) { id status } }', { id: a.id });
              item.remove();
              if (!list.children.length) list.replaceWith(h('p', { class: 'note', text: 'No open alerts.' }));
            } catch (err) {
              e.target.disabled = false;
              item.append(h('span', { class: 'error', role: 'alert', text: ` ${err.message}` }));
            }
          },
        },
        'Acknowledge',
      ),
    );
    list.append(item);
  }
  open.append(list.children.length ? list : h('p', { class: 'note', text: 'No open alerts.' }));

  const t = data.viewer.tenant;
  const input = (id, label, value, type = 'number') =>
    h(
      'label',
      { for: id },
      label,
      h('input', {
        id,
        name: id,
        type,
        value: value ?? '',
        step: type === 'number' ? 'any' : undefined,
        min: type === 'number' ? 0 : undefined,
      }),
    );
  const said = h('p', { role: 'status', class: 'note' });
  const settings = h(
    'form',
    {
      class: 'card inline',
      'aria-label': 'Alert settings',
      onsubmit: async (e) => {
        e.preventDefault();
        const v = (id) => settings.querySelector(`#${id}`).value;
        try {
          await api(
            'mutation DashboardAlertSettings($input: UpdateTenantInput!) { updateTenant(input: $input) { id } }',
            {
              input: {
                alertWebhookUrl: v('webhook'),
                alertThresholds: {
                  dailySpendMultiplier: Number(v('spike')),
                  userBudgetSharePercent: Number(v('share')),
                  runCostUsd: Number(v('runcost')),
                },
              },
            },
          );
          said.className = 'ok';
          said.textContent = 'Saved.';
        } catch (err) {
          said.className = 'error';
          said.textContent = err.message;
        }
      },
    },
    h('h2', { text: 'Webhook and thresholds' }),
    input('webhook', 'Webhook URL', t.alertWebhookUrl, 'url'),
    input('spike', 'Daily spend spike (× average)', t.alertThresholds.dailySpendMultiplier),
    input('share', 'One user’s share of the pool (%)', t.alertThresholds.userBudgetSharePercent),
    input('runcost', 'One run over (USD)', t.alertThresholds.runCostUsd),
    h('button', { type: 'submit' }, 'Save'),
    h(
      'button',
      {
        type: 'button',
        class: 'quiet',
        onclick: async () => {
          try {
            const res = await api(
              'mutation DashboardTestAlert { testAlertWebhook { id deliveryStatus deliveryError } }',
            );
            said.className = 'ok';
            said.textContent = `Test alert sent: ${res.testAlertWebhook.deliveryStatus}.`;
          } catch (err) {
            said.className = 'error';
            said.textContent = err.message;
          }
        },
      },
      'Send a test',
    ),
    said,
  );
  return [open, settings];
}

async function billing() {
  const data = await api(`query DashboardBilling {
    viewer { tenant { plan { key name monthlyPriceUsd userDailyTokenLimit tenantMonthlyTokenLimit tenantMonthlySpendLimitUsd }
      billingStatus currentPeriodEnd pendingPlan { name } } }
    plans { key name monthlyPriceUsd userDailyTokenLimit tenantMonthlyTokenLimit tenantMonthlySpendLimitUsd }
  }`);
  const t = data.viewer.tenant;
  const ranked = data.plans;
  const current = ranked.findIndex((p) => p.key === t.plan.key);
  const said = h('p', { role: 'status' });
  const limits = (p) =>
    `${int(p.userDailyTokenLimit)} tokens per user a day, ${int(p.tenantMonthlyTokenLimit)} a month for the tenant, up to ${usd(p.tenantMonthlySpendLimitUsd)}`;
  const now = h(
    'section',
    { class: 'card' },
    h('h2', { text: 'Current plan' }),
    h('p', { class: 'figure', text: t.plan.name }),
    h('p', {
      class: 'note',
      text: `${usd(t.plan.monthlyPriceUsd)} a month; ${limits(t.plan)}. Status ${t.billingStatus}.`,
    }),
    t.currentPeriodEnd && h('p', { class: 'note', text: `This period ends ${when(t.currentPeriodEnd)}.` }),
    t.pendingPlan && h('p', { class: 'note', text: `Changes to ${t.pendingPlan.name} at the period's end.` }),
  );
  const admin = isAdmin();
  const upgrades = h(
    'section',
    { class: 'card', 'aria-label': 'Plans that lift the limits' },
    h('h2', { text: 'Plans that lift the limits' }),
    h(
      'ul',
      {},
      ranked.slice(current + 1).map((p) =>
        h(
          'li',
          {},
          h('strong', { text: p.name }),
          ` — ${usd(p.monthlyPriceUsd)} a month: ${limits(p)} `,
          admin &&
            h(
              'button',
              {
                type: 'button',
                onclick: async () => {
                  said.className = 'note';
                  said.textContent = 'Starting the upgrade…';
                  try {
                    const res = await api(
                      `mutation DashboardUpgrade($plan: String!) { startUpgrade(planKey: $plan) {
                        __typename ... on UpgradeCheckout { url } ... on UpgradePending { url } ... on BillingUnavailable { message } } }`,
                      { plan: p.key },
                    );
                    const r = res.startUpgrade;
                    if (r.url) window.location.assign(r.url);
                    else if (r.__typename === 'BillingUnavailable') {
                      said.className = 'error';
                      said.textContent = r.message;
                    } else void route();
                  } catch (err) {
                    said.className = 'error';
                    said.textContent = err.message;
                  }
                },
              },
              `Upgrade to ${p.name}`,
            ),
        ),
      ),
    ),
    current === ranked.length - 1 && h('p', { class: 'note', text: 'You are on the top plan.' }),
    said,
  );
  const portal =
    admin &&
    h(
      'button',
      {
        type: 'button',
        class: 'quiet',
        onclick: async () => {
          try {
            const res = await api('mutation DashboardPortal { openBillingPortal { url } }');
            window.location.assign(res.openBillingPortal.url);
          } catch (err) {
            said.className = 'error';
            said.textContent = err.message;
          }
        },
      },
      'Invoices and payment method',
    );
  return [now, upgrades, portal];
}

// ---------- routing ----------

const PAGES = {
  overview: ['Overview', overview],
  budgets: ['Budgets', budgets],
  runs: ['Runs', runs],
  alerts: ['Alerts', alerts],
  billing: ['Plan and billing', billing],
};

function route() {
  // Only "#/page" hashes are pages (the skip link's "#main" is not).
  if (!viewer || (location.hash && !location.hash.startsWith('#/'))) return;
  let name = location.hash.replace(/^#\//, '') || 'overview';
  if (!PAGES[name] || (name === 'alerts' && !isAdmin())) name = 'overview';
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.page === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const [title, build] = PAGES[name];
  document.title = `${title} · Governor`;
  void page(title, build);
}

window.addEventListener('hashchange', route);
if (sessionStorage.getItem(SESSION)) start().catch((err) => signedOut(err.message));
else signIn();

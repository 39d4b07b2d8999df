// The hotline dashboard: KPI tiles, the daily trend, the department league table, overdue cases and the live
// emergency feed, refreshed every 5 seconds. Charts by Chart.js, served from its webjar.
'use strict';

const REFRESH_MS = 5000;
let trendChart = null;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '—';
}

/** A rate as shown on the page: one decimal percent, or a dash when there is nothing to measure. */
function percent(rate) {
  return rate && rate.value !== null && rate.value !== undefined ? (rate.value * 100).toFixed(1) + ' %' : '—';
}

function decimal(value, digits) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(digits);
}

function ofRate(rate) {
  return rate ? rate.count + ' of ' + rate.outOf : '';
}

/** The KPI query of the selected period: from that many days ago (UTC date) up to today. */
function kpiQuery() {
  const days = Number(document.getElementById('period').value);
  const from = new Date(Date.now() - days * 24 * 3600 * 1000).toISOString().substring(0, 10);
  return 'from=' + from;
}

/**
 * The analyst's bearer token: given once in the address (http://…/#token=…), then kept for this browser tab and
 * removed from the address bar.
 */
function bearerToken() {
  const match = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem('hotlineToken', decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem('hotlineToken');
}

async function getJson(url) {
  const headers = { Accept: 'application/json' };
  const token = bearerToken();
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  const response = await fetch(url, { headers });
  if (response.status === 401 || response.status === 403) {
    throw new Error('an analyst token is needed: open this page as ' + window.location.origin
        + '/#token=<token> (see the README: curl -u analyst:analyst-secret …/oauth2/token)');
  }
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status);
  }
  return response.json();
}

function card(kpi, label, value, detail) {
  const node = el('div', null, 'card');
  node.dataset.kpi = kpi;
  const shown = el('div', value, 'value');
  node.append(el('div', label, 'label'), shown);
  if (detail) {
    node.append(el('div', detail, 'detail'));
  }
  return node;
}

function renderKpis(report) {
  const k = report.overall;
  document.getElementById('shown-period').textContent = report.from + ' – ' + report.to + ' (' + report.zone + ')';
  document.getElementById('kpis').replaceChildren(
    card('opened', 'Cases opened', k.opened, k.emergencies + ' emergencies'),
    card('backlog', 'Backlog', k.backlog, 'waiting for a result'),
    card('overdue', 'Overdue', k.overdue, 'declared by the escalation ladder'),
    card('answerTimeliness', 'Answered in time', percent(k.answerTimeliness),
      ofRate(k.answerTimeliness) + ' within ' + report.answerThresholdSeconds + ' s'),
    card('handlingAccuracy', 'Handling accuracy', percent(k.handlingAccuracy), ofRate(k.handlingAccuracy)),
    card('onTimeAcceptance', 'Signed for on time', percent(k.onTimeAcceptance), ofRate(k.onTimeAcceptance)),
    card('onTimeResolution', 'Resolved on time', percent(k.onTimeResolution), ofRate(k.onTimeResolution)),
    card('feedbackTimeliness', 'Fed back on time', percent(k.feedbackTimeliness), ofRate(k.feedbackTimeliness)),
    card('callbackRate', 'Callback rate', percent(k.callbackRate), ofRate(k.callbackRate)),
    card('satisfactionRate', 'Satisfaction', percent(k.satisfactionRate), ofRate(k.satisfactionRate)),
    card('meanScore', 'Mean score', decimal(k.meanScore, 2), 'of 5'),
    card('reopenRate', 'Reopened', percent(k.reopenRate), ofRate(k.reopenRate)),
    card('responseRate', 'Response rate (響應率)', percent(k.responseRate), ofRate(k.responseRate)),
    card('resolutionRate', 'Resolution rate (解決率)', percent(k.resolutionRate), ofRate(k.resolutionRate)),
    card('meanHandlingHours', 'Mean handling time', decimal(k.handlingTime.meanHours, 1) + ' h',
      'p90 ' + decimal(k.handlingTime.p90Hours, 1) + ' h'));
}

/** Every day of the report's period (yyyy-MM-dd), so that days without cases show as zero. */
function days(report) {
  const all = [];
  for (let day = new Date(report.from + 'T00:00:00Z'); day < new Date(report.to + 'T00:00:00Z');
    day.setUTCDate(day.getUTCDate() + 1)) {
    all.push(day.toISOString().substring(0, 10));
  }
  return all;
}

function renderTrend(report) {
  const byDay = new Map(report.groups.map(g => [g.key, g.kpis]));
  const labels = days(report);
  const opened = labels.map(day => byDay.has(day) ? byDay.get(day).opened : 0);
  const resolved = labels.map(day => byDay.has(day) ? byDay.get(day).resolved : 0);
  if (trendChart === null) {
    trendChart = new Chart(document.getElementById('trend'), {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'Opened', data: opened, borderColor: '#2f6fdb', backgroundColor: '#2f6fdb33', fill: true },
          { label: 'Resolved', data: resolved, borderColor: '#1e9e5a', backgroundColor: '#1e9e5a33', fill: true },
        ],
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
  } else {
    trendChart.data.labels = labels;
    trendChart.data.datasets[0].data = opened;
    trendChart.data.datasets[1].data = resolved;
    trendChart.update();
  }
}

function rateValue(rate) {
  return rate && rate.value !== null ? rate.value : -1;
}

function renderLeague(report) {
  const ranked = [...report.groups].sort((a, b) =>
    rateValue(b.kpis.onTimeResolution) - rateValue(a.kpis.onTimeResolution)
    || rateValue(b.kpis.satisfactionRate) - rateValue(a.kpis.satisfactionRate)
    || b.kpis.opened - a.kpis.opened);
  document.querySelector('#league tbody').replaceChildren(...ranked.map((g, i) => {
    const row = el('tr');
    row.dataset.department = g.key;
    row.append(el('td', i + 1, 'number'), el('td', g.key), el('td', g.kpis.opened, 'number'),
      el('td', g.kpis.backlog, 'number'), el('td', g.kpis.overdue, 'number'),
      el('td', percent(g.kpis.onTimeResolution), 'number'), el('td', percent(g.kpis.handlingAccuracy), 'number'),
      el('td', percent(g.kpis.satisfactionRate), 'number'),
      el('td', decimal(g.kpis.handlingTime.meanHours, 1), 'number'));
    return row;
  }));
}

function caseLink(c) {
  const link = el('a', c.trackingNumber || c.caseId);
  link.href = '#case/' + encodeURIComponent(c.caseId);
  return link;
}

function renderOverdue(page) {
  document.querySelector('#overdue tbody').replaceChildren(...page.items.map(c => {
    const row = el('tr');
    row.dataset.caseId = c.caseId;
    const first = el('td');
    first.append(caseLink(c));
    row.append(first, el('td', c.status), el('td', c.department || '—'),
      el('td', [c.category, c.subCategory].filter(Boolean).join(' / ') || '—'), el('td', c.urgency || '—'),
      el('td', when(c.openedAt)), el('td', when(c.lastEventAt)));
    return row;
  }));
  document.getElementById('no-overdue').hidden = page.items.length > 0;
}

function renderEmergencies(page) {
  document.getElementById('emergencies').replaceChildren(...page.items.map(c => {
    const item = el('li');
    item.dataset.caseId = c.caseId;
    item.append(caseLink(c), el('span', ' ' + c.status + ' · ' + (c.department || 'command centre') + ' · '
      + when(c.lastEventAt), 'muted'));
    return item;
  }));
  document.getElementById('no-emergencies').hidden = page.items.length > 0;
}

function renderCase(caseId, c) {
  document.getElementById('case-json').href = '/api/ledger/' + encodeURIComponent(caseId);
  const summary = document.getElementById('case-summary');
  if (!c) {
    document.getElementById('case-title').textContent = 'Case ' + caseId;
    summary.replaceChildren(el('dt', 'Status'), el('dd', 'No fact about this case has reached the ledger yet.'));
    document.querySelector('#timeline tbody').replaceChildren();
    document.querySelector('#deadlines tbody').replaceChildren();
    return;
  }
  document.getElementById('case-title').textContent = 'Case ' + (c.trackingNumber || c.caseId);
  const fields = [
    ['Status', (c.status || '—') + (c.overdue ? ' (overdue)' : '')],
    ['Channel', c.channel], ['Kind', c.kind], ['Category', [c.category, c.subCategory].filter(Boolean).join(' / ')],
    ['Urgency', c.urgency], ['Opened', when(c.openedAt)],
    ['Departments', (c.departments || []).join(' → ')],
    ['Resolved', when(c.resolvedAt) + (c.resolution ? ' · ' + c.resolution : '')], ['Fed back', when(c.feedbackAt)],
    ['Satisfaction', c.satisfaction ? c.satisfaction + (c.score ? ' (' + c.score + '/5)' : '') : '—'],
    ['Closed', c.closedAt ? when(c.closedAt) + ' · ' + c.outcome : '—'],
    ['Bounces · escalations · reopens', c.bounces + ' · ' + c.escalations.length + ' · ' + c.reopens],
  ];
  summary.replaceChildren(...fields.flatMap(([label, value]) => [el('dt', label), el('dd', value || '—')]));
  document.querySelector('#deadlines tbody').replaceChildren(...c.assignments.flatMap(a => a.deadlines.map(d => {
    const row = el('tr');
    row.append(el('td', a.department), el('td', a.role), el('td', d.milestone), el('td', when(d.due)),
      el('td', when(d.metAt)), el('td', d.state, 'state ' + d.state));
    return row;
  })));
  document.querySelector('#timeline tbody').replaceChildren(...c.timeline.map(entry => {
    const row = el('tr');
    const what = entry.type.replace(/^org\.hotline\./, '').replace(/\.v\d+$/, '');
    row.append(el('td', when(entry.occurredAt)), el('td', what), el('td', entry.summary),
      el('td', entry.department || ''), el('td', entry.source));
    return row;
  }));
}

function selectedCase() {
  const match = /^#case\/(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function refresh() {
  const caseId = selectedCase();
  document.getElementById('case').hidden = caseId === null;
  const query = kpiQuery();
  try {
    const [byDay, byDepartment, overdue, emergencies, one] = await Promise.all([
      getJson('/api/reports/kpis?' + query + '&groupBy=day'),
      getJson('/api/reports/kpis?' + query + '&groupBy=department'),
      getJson('/api/ledger?overdue=true&size=10'),
      getJson('/api/ledger?urgency=EMERGENCY&size=10'),
      caseId === null ? Promise.resolve(null) : getJson('/api/ledger/' + encodeURIComponent(caseId)),
    ]);
    document.body.dataset.kpiQuery = query;
    document.getElementById('kpi-csv').href = '/api/reports/kpis?' + query + '&groupBy=department';
    renderKpis(byDay);
    renderTrend(byDay);
    renderLeague(byDepartment);
    renderOverdue(overdue);
    renderEmergencies(emergencies);
    if (caseId !== null) {
      renderCase(caseId, one);
    }
    document.getElementById('error').hidden = true;
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    document.body.dataset.loaded = 'true';
  } catch (error) {
    const message = document.getElementById('error');
    message.textContent = 'Cannot refresh: ' + error.message;
    message.hidden = false;
  }
}

window.addEventListener('hashchange', refresh);
document.getElementById('period').addEventListener('change', refresh);
refresh();
setInterval(refresh, REFRESH_MS);

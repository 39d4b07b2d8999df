// The hotline dashboard: KPIs, the latest cases and one case's timeline, refreshed every 5 seconds.
'use strict';

const REFRESH_MS = 5000;

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

function percent(rate) {
  return rate && rate.value !== null && rate.value !== undefined ? (rate.value * 100).toFixed(1) + ' %' : '—';
}

function ofRate(rate) {
  return rate ? rate.count + ' of ' + rate.outOf : '';
}

function periodQuery() {
  const days = document.getElementById('period').value;
  if (!days) {
    return '';
  }
  const from = new Date(Date.now() - Number(days) * 24 * 3600 * 1000).toISOString();
  return 'from=' + encodeURIComponent(from);
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status);
  }
  return response.json();
}

function card(label, value, detail) {
  const node = el('div', null, 'card');
  node.append(el('div', label, 'label'), el('div', value, 'value'));
  if (detail) {
    node.append(el('div', detail, 'detail'));
  }
  return node;
}

function renderKpis(report) {
  const k = report.overall;
  document.getElementById('kpis').replaceChildren(
    card('Cases opened', k.opened),
    card('Resolved', k.resolved),
    card('Closed', k.closed),
    card('Answered in time', percent(k.answerTimeliness),
      ofRate(k.answerTimeliness) + ' calls within ' + report.answerThresholdSeconds + ' s'),
    card('Resolved on time', percent(k.onTimeResolution), ofRate(k.onTimeResolution)),
    card('Satisfaction', percent(k.satisfaction), ofRate(k.satisfaction) + ' reached callers'),
    card('Callback rate', percent(k.callbackRate), ofRate(k.callbackRate) + ' resolved cases'),
    card('Escalations', k.escalations),
    card('Bounces', k.bounces, 'refused by a department'),
    card('Reopened', k.reopens));
  const rows = report.departments.map(d => {
    const row = el('tr');
    row.append(el('td', d.department),
      el('td', d.kpis.opened, 'number'), el('td', d.kpis.resolved, 'number'), el('td', d.kpis.closed, 'number'),
      el('td', percent(d.kpis.onTimeResolution), 'number'), el('td', percent(d.kpis.satisfaction), 'number'),
      el('td', percent(d.kpis.callbackRate), 'number'), el('td', d.kpis.escalations, 'number'),
      el('td', d.kpis.bounces, 'number'), el('td', d.kpis.reopens, 'number'));
    return row;
  });
  document.querySelector('#departments tbody').replaceChildren(...rows);
}

function statusBadge(c) {
  const cell = el('td');
  cell.append(el('span', c.status || '—', 'status ' + (c.status || '')));
  if (c.overdue) {
    cell.append(el('span', 'overdue', 'overdue'));
  }
  return cell;
}

function renderCases(cases) {
  const rows = cases.map(c => {
    const row = el('tr');
    const link = el('a', c.trackingNumber || c.caseId);
    link.href = '#case/' + encodeURIComponent(c.caseId);
    const first = el('td');
    first.append(link);
    row.append(first, statusBadge(c), el('td', c.department || '—'), el('td', c.kind || '—'),
      el('td', [c.category, c.subCategory].filter(Boolean).join(' / ') || '—'), el('td', c.urgency || '—'),
      el('td', when(c.openedAt)), el('td', when(c.lastEventAt)));
    return row;
  });
  document.querySelector('#cases tbody').replaceChildren(...rows);
  document.getElementById('no-cases').hidden = cases.length > 0;
}

function renderCase(caseId, c) {
  document.getElementById('case-json').href = '/api/ledger/' + encodeURIComponent(caseId);
  const summary = document.getElementById('case-summary');
  const body = document.querySelector('#timeline tbody');
  if (!c) {
    document.getElementById('case-title').textContent = 'Case ' + caseId;
    summary.replaceChildren(el('dt', 'Status'), el('dd', 'No fact about this case has reached the ledger yet.'));
    body.replaceChildren();
    return;
  }
  document.getElementById('case-title').textContent = 'Case ' + (c.trackingNumber || c.caseId);
  const deadlines = c.deadlines || {};
  const fields = [
    ['Status', (c.status || '—') + (c.overdue ? ' (overdue)' : '')],
    ['Channel', c.channel], ['Kind', c.kind], ['Category', [c.category, c.subCategory].filter(Boolean).join(' / ')],
    ['Urgency', c.urgency], ['Opened', when(c.openedAt)],
    ['Department', [c.department].concat(c.assistingDepartments || []).filter(Boolean).join(', ')],
    ['Assigned', when(c.assignedAt)], ['Resolve by', when(deadlines.resolveBy)],
    ['Reply by', when(deadlines.replyBy)], ['Resolved', when(c.resolvedAt)], ['Fed back', when(c.feedbackAt)],
    ['Satisfaction', c.satisfaction], ['Closed', c.closedAt ? when(c.closedAt) + ' · ' + c.outcome : '—'],
    ['Bounces · escalations · reopened', c.rejections + ' · ' + c.escalations + ' · ' + c.reopens],
  ];
  summary.replaceChildren(...fields.flatMap(([label, value]) => [el('dt', label), el('dd', value || '—')]));
  body.replaceChildren(...c.timeline.map(entry => {
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
  const period = periodQuery();
  try {
    const [report, cases, one] = await Promise.all([
      getJson('/api/kpis' + (period ? '?' + period : '')),
      getJson('/api/ledger?limit=20' + (period ? '&' + period : '')),
      caseId === null ? Promise.resolve(null) : getJson('/api/ledger/' + encodeURIComponent(caseId)),
    ]);
    renderKpis(report);
    renderCases(cases);
    if (caseId !== null) {
      renderCase(caseId, one);
    }
    document.getElementById('error').hidden = true;
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
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

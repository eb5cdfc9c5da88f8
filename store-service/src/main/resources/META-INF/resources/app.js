/*
 * Reviewer dashboard of store-service. Report content is untrusted: every value reaches the page through
 * textContent or setAttribute on fixed attribute names, never through innerHTML.
 */
'use strict';

const VERDICTS = ['PASS', 'WARN', 'NEEDS_REVIEW', 'FAIL', 'UNREADABLE'];
const VERDICT_COLORS = { PASS: '#1a7f37', WARN: '#b54708', NEEDS_REVIEW: '#0e7090', FAIL: '#c01048', UNREADABLE: '#6941c6' };
/** Chinese labels of the API's codes and of every cell and row key: GET /api/v1/labels, built from the model's enums. */
const LABELS = { verdict: {}, status: {}, severity: {}, readingStatus: {}, unreadReason: {}, doubt: {}, table: {}, cells: {}, rows: {} };
const labelsLoaded = fetch('/api/v1/labels', { headers: { Accept: 'application/json' } })
  .then(r => (r.ok ? r.json() : {})).catch(() => ({}))
  .then(loaded => { for (const kind of Object.keys(LABELS)) Object.assign(LABELS[kind], loaded[kind] || {}); });
const VERDICT_LABELS = LABELS.verdict;
const TABLE_NAMES = LABELS.table;
const READING_LABELS = LABELS.readingStatus;
const FOUND_BY_LABELS = { heading: '按标题', label: '按行标签', position: '按位置', content: '按内容' };
/** Where an identity field came from when not from the title: said beside it, as a reviewer checks those first. */
const IDENTITY_SOURCE_LABELS = {
  body: '据正文', declared: '据提交时填写', file_name: '据文件名',
  declared_over_scan: '据提交时填写，扫描识别仅差个别字', file_name_over_scan: '据文件名，扫描识别仅差个别字',
};

/** The muted note saying where an identity field was found, or null when it was the title. */
function identitySource(identity, field) {
  const source = identity.foundBy && IDENTITY_SOURCE_LABELS[identity.foundBy[field]];
  return source ? h('span', { class: 'muted identity-source' }, '（' + source + '）') : null;
}
const UNREAD_LABELS = LABELS.unreadReason;
const DOUBT_LABELS = LABELS.doubt;
const STATUS_LABELS = LABELS.status;
const SEVERITY_LABELS = LABELS.severity;
const APP_TITLE = '政府信息公开工作年度报告审查';

/** The Chinese label of a cell or row key (表四 · 行政复议 · 结果维持), or the key itself when unknown. */
function cellLabel(key) {
  return LABELS.cells[key] || LABELS.rows[key] || key;
}

/** Sets the browser tab's title: the view first, then the application. */
function setTitle(view) {
  document.title = view ? view + ' · ' + APP_TITLE : APP_TITLE;
}

/** The query parameters of the current hash (#/path?a=1). */
function hashParams() {
  const hash = location.hash || '';
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
}
const PART_NAMES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an element; children that are strings become text nodes. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'onclick' || name === 'onsubmit' || name === 'onchange' || name === 'oninput') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) el.setAttribute(name, String(value));
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function badge(kind, labels) {
  if (!kind) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'badge ' + kind, 'data-kind': kind }, (labels && labels[kind]) || kind);
}

function reportLink(id, text) {
  return h('a', { href: '#/report/' + encodeURIComponent(id), 'data-report': id }, text || id);
}

function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleString('zh-CN', { hour12: false });
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try { const body = await response.json(); if (body && body.error) message = body.error.code + ': ' + body.error.message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response.json();
}

const app = document.getElementById('app');
let liveSource = null;

/** Views added by other scripts: [pattern, render(match)] pairs tried before the built-in ones. */
const ROUTES = [];

/** Registers a view for hashes matching {@code pattern}; {@code render} gets the match and returns a promise. */
function addRoute(pattern, render) {
  ROUTES.push([pattern, render]);
}

function route() {
  labelsLoaded.then(routeNow);
}

function routeNow() {
  const hash = location.hash || '#/';
  window.scrollTo(0, 0);
  for (const [pattern, render] of ROUTES) {
    const found = hash.match(pattern);
    if (found) {
      Promise.resolve().then(() => render(found)).catch(showError);
      return;
    }
  }
  const match = hash.match(/^#\/report\/([0-9a-f]{16})(\?.*)?$/);
  if (match) renderReport(match[1]).catch(showError);
  else renderOverview().catch(showError);
}

function showError(error) {
  app.replaceChildren(h('div', { class: 'card error-box', id: 'error' }, '出错了 Error: ', error.message || String(error)));
}

/* ------------------------------------------------------------------ overview */

const listState = { page: 0, size: 25, filters: {}, sort: '', dir: 'asc' };
const FILTER_NAMES = ['agency', 'region', 'year', 'edition', 'verdict', 'status', 'rule', 'current'];

/** Filters, page and sort come from the URL (#/?verdict=FAIL&page=2&sort=year), so that a list can be shared. */
function readListState() {
  const params = hashParams();
  listState.filters = {};
  for (const name of FILTER_NAMES) if (params.get(name)) listState.filters[name] = params.get(name);
  listState.page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
  listState.sort = params.get('sort') || '';
  listState.dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
}

/** Writes the list state into the URL without re-rendering the page. */
function writeListState() {
  const params = new URLSearchParams(listState.filters);
  if (listState.page) params.set('page', listState.page);
  if (listState.sort) { params.set('sort', listState.sort); params.set('dir', listState.dir); }
  const query = params.toString();
  history.replaceState(null, '', '#/' + (query ? '?' + query : ''));
}

async function renderOverview() {
  setTitle('总览');
  readListState();
  const counters = h('div', { class: 'counters', id: 'counters' });
  const feed = h('ul', { class: 'feed', id: 'live-feed' });
  const verdictChart = h('div', { id: 'chart-verdicts' });
  const rulesChart = h('div', { id: 'chart-rules' });
  const listBox = h('div', { id: 'report-list' });
  app.replaceChildren(
    h('h1', {}, '总览', h('small', {}, 'Overview')),
    counters,
    h('div', { class: 'grid two' },
      h('div', { class: 'card' }, h('h2', {}, '审查结果趋势', h('small', {}, 'Verdicts over time')), verdictChart),
      h('div', { class: 'card' }, h('h2', {}, '实时动态', h('small', {}, 'Live feed')),
        h('p', { class: 'muted', id: 'live-status' }, '连接中…'), feed)),
    h('div', { class: 'card' }, h('h2', {}, '最常见的问题规则', h('small', {}, 'Top failing rules')), rulesChart),
    h('div', { class: 'card' }, h('h2', {}, '报告列表', h('small', {}, 'Reports')), filterForm(), listBox));
  connectLive(feed);
  await Promise.all([refreshStatistics(), refreshList()]);
}

async function refreshStatistics() {
  // the counters and charts follow the list's filters (current versions unless 含历史版本)
  const stats = await getJson('/api/v1/aggregates?top=10&' + new URLSearchParams(listState.filters).toString());
  const counters = document.getElementById('counters');
  if (!counters) return;
  const processing = (stats.byStatus.RECEIVED || 0) + (stats.byStatus.PARSED || 0);
  counters.replaceChildren(
    counter('total', '报告总数', 'Reports', stats.reports),
    ...VERDICTS.map(v => counter(v, VERDICT_LABELS[v], v, stats.byVerdict[v] || 0,
      '#/?' + new URLSearchParams(Object.assign({}, listState.filters, { verdict: v })).toString())),
    counter('processing', '处理中 / 失败', 'In progress / failed', processing + ' / ' + (stats.byStatus.FAILED || 0)));
  document.getElementById('chart-verdicts').replaceChildren(verdictsOverTimeChart(stats.verdictsOverTime));
  document.getElementById('chart-rules').replaceChildren(topRulesChart(stats.topFailingRules));
}

function counter(kind, label, english, n, href) {
  return h(href ? 'a' : 'div', { class: 'counter ' + kind, 'data-counter': kind, href },
    h('div', { class: 'n' }, String(n)), h('div', { class: 'l' }, label, ' ', h('small', {}, english)));
}

function filterForm() {
  const f = listState.filters;
  const select = (name, options, labels) => h('select', { name },
    h('option', { value: '' }, '全部'),
    options.map(o => { const opt = h('option', { value: o }, (labels && labels[o]) ? labels[o] + ' ' + o : o); if (f[name] === o) opt.selected = true; return opt; }));
  const input = (name, attrs) => { const el = h('input', Object.assign({ name }, attrs)); el.value = f[name] || ''; return el; };
  const form = h('form', { class: 'filters', id: 'filters', onsubmit: e => {
      e.preventDefault();
      const data = new FormData(form);
      listState.filters = {};
      for (const [k, v] of data.entries()) if (String(v).trim()) listState.filters[k] = String(v).trim();
      listState.page = 0;
      writeListState();
      refreshList().catch(showError);
      refreshStatistics().catch(showError);
    } },
    h('label', {}, '机关名称', input('agency', { placeholder: '例如：教育局', id: 'filter-agency' })),
    h('label', {}, '地区', input('region', { size: 8 })),
    h('label', {}, '年度', input('year', { type: 'number', min: 2000, max: 2100, style: null })),
    h('label', {}, '版本', select('edition', ['2021', '2019', 'mixed', 'unknown'])),
    h('label', {}, '审查结果', select('verdict', VERDICTS, VERDICT_LABELS)),
    h('label', {}, '状态', select('status', Object.keys(STATUS_LABELS), STATUS_LABELS)),
    h('label', {}, '规则', input('rule', { size: 7, placeholder: 'T3-03' })),
    // 含历史版本 (overview.js): checked lists every version (current=false)
    historySwitch('list-history', f.current === 'false', () => form.requestSubmit()),
    h('button', { type: 'submit', id: 'search' }, '查询'),
    h('a', { href: '#', id: 'export-cells-csv', onclick: e => { e.currentTarget.href = exportUrl('cells', 'csv'); } }, '导出单元格 CSV'),
    h('a', { href: '#', onclick: e => { e.currentTarget.href = exportUrl('cells', 'xlsx'); } }, 'XLSX'),
    h('a', { href: '#', onclick: e => { e.currentTarget.href = exportUrl('findings', 'csv'); } }, '导出问题 CSV'),
    h('a', { href: '#', onclick: e => { e.currentTarget.href = exportUrl('findings', 'xlsx'); } }, 'XLSX'));
  return form;
}

function exportUrl(dataset, format) {
  return '/api/v1/exports/' + dataset + '.' + format + '?' + new URLSearchParams(listState.filters).toString();
}

async function refreshList() {
  const params = new URLSearchParams(listState.filters);
  params.set('page', listState.page);
  params.set('size', listState.size);
  const page = await getJson('/api/v1/reports?' + params.toString());
  const box = document.getElementById('report-list');
  if (!box) return;
  const items = sortedItems(page.items);
  const rows = items.map(r => h('tr', { 'data-report-row': r.reportId },
    h('td', {}, reportLink(r.reportId, r.agency || r.fileName || r.reportId), r.currentVersion ? null : h('span', { class: 'muted' }, ' （旧版本）'),
      r.versions > 1 ? h('span', { class: 'versions muted', 'data-versions': r.versions }, ' ' + r.versions + ' 个版本') : null),
    h('td', {}, r.year == null ? '' : String(r.year)),
    h('td', {}, r.edition || ''),
    h('td', {}, badge(r.status, STATUS_LABELS)),
    h('td', {}, badge(r.verdict, VERDICT_LABELS)),
    h('td', {}, r.errors == null ? '' : r.errors + ' / ' + r.warnings),
    h('td', { class: 'muted' }, formatTime(r.statusAt))));
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  box.replaceChildren(
    h('div', { class: 'table-wrap' }, h('table', { class: 'list', id: 'report-table' },
      h('thead', {}, h('tr', {}, LIST_COLUMNS.map(([key, title]) => sortableHeader(key, title)))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, '没有符合条件的报告 No reports'))))),
    h('div', { class: 'pager' },
      h('button', { class: 'secondary', type: 'button', disabled: listState.page === 0 ? 'disabled' : null,
        onclick: () => { listState.page--; writeListState(); refreshList().catch(showError); } }, '上一页'),
      h('span', { id: 'list-total' }, '第 ' + (page.page + 1) + ' / ' + pages + ' 页，共 ' + page.total + ' 份'),
      h('button', { class: 'secondary', type: 'button', disabled: listState.page + 1 >= pages ? 'disabled' : null,
        onclick: () => { listState.page++; writeListState(); refreshList().catch(showError); } }, '下一页')));
}

const LIST_COLUMNS = [['agency', '机关 Agency'], ['year', '年度'], ['edition', '版本'], ['status', '状态'],
  ['verdict', '结果'], ['errors', '错误/警告'], ['statusAt', '更新时间']];

/** A column header that sorts the shown page by its column; a second click reverses the order. */
function sortableHeader(key, title) {
  const active = listState.sort === key;
  const button = h('button', { type: 'button', class: 'sort', 'data-sort': key, onclick: () => {
    listState.dir = active && listState.dir === 'asc' ? 'desc' : 'asc';
    listState.sort = key;
    writeListState();
    refreshList().catch(showError);
  } }, title, active ? (listState.dir === 'asc' ? ' ▲' : ' ▼') : '');
  return h('th', { 'aria-sort': active ? (listState.dir === 'asc' ? 'ascending' : 'descending') : null }, button);
}

function sortedItems(items) {
  if (!listState.sort) return items;
  const key = listState.sort;
  const sign = listState.dir === 'desc' ? -1 : 1;
  const value = r => (key === 'agency' ? (r.agency || r.fileName || '') : r[key]);
  return [...items].sort((a, b) => {
    const x = value(a), y = value(b);
    if (x == null && y == null) return 0;
    if (x == null) return 1;
    if (y == null) return -1;
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN'));
  });
}

function connectLive(feed) {
  if (liveSource) liveSource.close();
  liveSource = new EventSource('/api/v1/events');
  let refresh = null;
  liveSource.onopen = () => { const s = document.getElementById('live-status'); if (s) s.textContent = '已连接，等待新的审查结果… Connected'; };
  liveSource.onerror = () => { const s = document.getElementById('live-status'); if (s) s.textContent = '连接中断，正在重连… Reconnecting'; };
  liveSource.onmessage = message => {
    let event;
    try { event = JSON.parse(message.data); } catch (e) { return; }
    if (event.type === 'connected') return;
    const item = h('li', { 'data-live': event.reportId },
      h('time', {}, formatTime(event.occurredAt)),
      event.type === 'validated' ? badge(event.verdict, VERDICT_LABELS) : badge('FAILED', STATUS_LABELS),
      reportLink(event.reportId, event.agency || event.reportId),
      event.year ? h('span', { class: 'muted' }, String(event.year)) : null,
      event.type === 'failed' ? h('span', { class: 'muted' }, (event.stage || '') + ' ' + (event.reason || '')) : null);
    feed.insertBefore(item, feed.firstChild);
    while (feed.children.length > 50) feed.removeChild(feed.lastChild);
    clearTimeout(refresh);
    refresh = setTimeout(() => { refreshStatistics().catch(() => {}); refreshList().catch(() => {}); }, 1000);
  };
}

/* ------------------------------------------------------------------ charts (plain SVG) */

function verdictsOverTimeChart(days) {
  if (!days || days.length === 0) return h('p', { class: 'muted' }, '暂无数据 No data');
  const shown = days.slice(-30);
  const width = 640, height = 200, left = 36, bottom = 36, top = 10;
  const totals = shown.map(d => VERDICTS.reduce((s, v) => s + (d.byVerdict[v] || 0), 0));
  const max = Math.max(1, ...totals);
  const barWidth = Math.min(40, Math.max(4, Math.floor((width - left - 10) / shown.length) - 4));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': '审查结果趋势', id: 'svg-verdicts' });
  chart.appendChild(svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, stroke: '#98a2b3' }));
  chart.appendChild(svg('text', { x: 2, y: top + 8 }, String(max)));
  chart.appendChild(svg('text', { x: 2, y: height - bottom }, '0'));
  shown.forEach((day, i) => {
    const x = left + 4 + i * (barWidth + 4);
    let y = height - bottom;
    for (const v of VERDICTS) {
      const n = day.byVerdict[v] || 0;
      if (!n) continue;
      const barHeight = (height - bottom - top) * n / max;
      y -= barHeight;
      chart.appendChild(svg('rect', { x, y, width: barWidth, height: barHeight, fill: VERDICT_COLORS[v] },
        svg('title', {}, day.day + ' ' + VERDICT_LABELS[v] + ' ' + n)));
    }
    if (shown.length <= 12 || i % Math.ceil(shown.length / 12) === 0) {
      chart.appendChild(svg('text', { x, y: height - bottom + 14 }, String(day.day).slice(5)));
    }
  });
  const legend = h('div', { class: 'legend' }, VERDICTS.map(v => {
    const swatch = h('i'); swatch.style.background = VERDICT_COLORS[v];
    return h('span', {}, swatch, VERDICT_LABELS[v]);
  }));
  return h('div', {}, chart, legend);
}

function topRulesChart(rules) {
  if (!rules || rules.length === 0) return h('p', { class: 'muted' }, '暂无问题 No failing rules');
  const width = 640, row = 22, left = 70;
  const height = rules.length * row + 8;
  const max = Math.max(1, ...rules.map(r => r.reports));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': '最常见的问题规则', id: 'svg-rules' });
  rules.forEach((rule, i) => {
    const y = 4 + i * row;
    const barWidth = (width - left - 80) * rule.reports / max;
    chart.appendChild(svg('text', { x: 2, y: y + 14 }, rule.ruleId));
    chart.appendChild(svg('rect', { x: left, y, width: Math.max(2, barWidth), height: row - 6, fill: rule.errors > 0 ? VERDICT_COLORS.FAIL : VERDICT_COLORS.WARN },
      svg('title', {}, rule.ruleId + '：' + rule.reports + ' 份报告，' + rule.findings + ' 条')));
    chart.appendChild(svg('text', { x: left + barWidth + 6, y: y + 14 }, rule.reports + ' 份'));
  });
  return chart;
}

/* ------------------------------------------------------------------ report page */

async function renderReport(reportId) {
  if (liveSource) { liveSource.close(); liveSource = null; }
  app.replaceChildren(h('p', { class: 'muted' }, '加载中… Loading'));
  const report = await getJson('/api/v1/reports/' + reportId);
  const edition = report.identity && report.identity.edition === '2019' ? '2019' : '2021';
  const [template, versions, runs, link, catalogue] = await Promise.all([
    getJson('/api/v1/template?edition=' + edition),
    getJson('/api/v1/reports/' + reportId + '/versions').catch(() => ({ versions: [] })),
    getJson('/api/v1/reports/' + reportId + '/runs').catch(() => ({ runs: [] })),
    getJson('/api/v1/agencies/of-report?reportId=' + reportId).catch(() => null),
    ruleCatalogue().catch(() => ({ rules: [] }))]);
  const current = report.currentVersion === false ? (versions.versions || []).find(v => v.currentVersion) : null;
  const rulesById = new Map((catalogue.rules || []).map(r => [r.id, r]));
  const cells = report.cells || {};
  const findings = (report.validation && report.validation.findings) || [];
  const marks = cellMarks(findings);
  const identity = report.identity || {};
  setTitle((identity.agency || report.fileName || report.reportId) + (identity.year ? ' ' + identity.year + '年度' : ''));

  app.replaceChildren(
    h('p', {}, h('a', { href: '#/' }, '← 返回总览')),
    current ? h('p', { class: 'superseded-banner', id: 'superseded' }, '此报告已被新版本取代。当前版本：', reportLink(current.reportId)) : null,
    h('h1', { id: 'report-title' }, identity.title || report.fileName || report.reportId),
    h('div', { class: 'card' },
      h('dl', { class: 'kv' },
        h('dt', {}, '机关'), h('dd', { id: 'report-agency' }, identity.agency || '未识别', identitySource(identity, 'agency'),
          link ? h('a', { href: '#/agency/' + link.agencyId, id: 'report-agency-page' }, ' 机关历年报告 →') : null),
        identity.agencyFull && identity.agencyFull !== identity.agency ? [h('dt', {}, '机关全称'), h('dd', { id: 'report-agency-full' }, identity.agencyFull, identitySource(identity, 'agencyFull'))] : null,
        h('dt', {}, '地区'), h('dd', {}, identity.region || '—'),
        h('dt', {}, '年度'), h('dd', {}, identity.year == null ? '未识别' : String(identity.year), identitySource(identity, 'year')),
        h('dt', {}, '格式版本'), h('dd', {}, identity.edition || '—'),
        h('dt', {}, '状态'), h('dd', {}, badge(report.status, STATUS_LABELS)),
        h('dt', {}, '审查结果'), h('dd', { id: 'report-verdict' }, badge(report.validation && report.validation.verdict, VERDICT_LABELS),
          report.validation ? h('span', { class: 'muted' }, ' 规则集 ' + (report.validation.rulesetVersion || '')) : null),
        h('dt', {}, '文件'), h('dd', {}, h('a', { href: '/api/v1/reports/' + report.reportId + '/file' }, report.fileName || '下载原文件')),
        h('dt', {}, 'SHA-256'), h('dd', { class: 'muted' }, report.sha256 || '')),
      report.failure ? h('p', { class: 'error-box', id: 'report-failure' }, '处理失败：', report.failure.stage + ' · ' + report.failure.reason + ' · ', report.failure.message || '') : null,
      h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'reprocess', onclick: async e => {
        e.currentTarget.disabled = true;
        const response = await fetch('/api/v1/reports/' + report.reportId + '/reprocess', { method: 'POST' });
        e.currentTarget.textContent = response.ok ? '已重新提交 Resubmitted' : '重新提交失败 ' + response.status;
      } }, '重新处理 Reprocess'), ' ', h('a', { href: '#/review/' + report.reportId, id: 'open-review' }, '审核工作台 Review'))),
    h('div', { class: 'card', id: 'reading' }, h('h2', {}, '读取情况', h('small', {}, 'Reading report')),
      readingView(report.reading, report.cells || {}, template)),
    h('div', { class: 'card', id: 'findings' }, h('h2', {}, '审查发现', h('small', {}, 'Findings (' + findings.length + ')')),
      reviewReasonsView(report.validation),
      findings.length ? findings.map((f, i) => findingView(f, i, cells, rulesById)) : h('p', { class: 'muted' }, report.validation ? '未发现问题 No findings' : '尚未审查 Not validated yet'),
      notAssessableView(report.validation, rulesById)),
    h('div', { class: 'card', id: 'parts' }, h('h2', {}, '六个部分', h('small', {}, 'The six parts')), partsView(report.sections || [], report.reading)),
    h('div', { class: 'card', id: 'tables' }, h('h2', {}, '统计表', h('small', {}, 'Tables T2, T3, T4')),
      h('p', { class: 'muted' }, '点击单元格查看页码和原文行 Tap a cell for its page and source line'),
      h('div', { id: 'cell-detail', class: 'cell-detail', hidden: 'hidden' }),
      tablesView(template, cells, marks)),
    h('div', { class: 'card', id: 'facts' }, h('h2', {}, '正文中的数字', h('small', {}, 'Facts')), factsView(report.facts || [])),
    h('div', { class: 'grid two' },
      h('div', { class: 'card', id: 'versions' }, h('h2', {}, '同一机关同一年度的版本', h('small', {}, 'Versions')), versionsView(versions.versions, report.reportId)),
      h('div', { class: 'card', id: 'runs' }, h('h2', {}, '处理记录', h('small', {}, 'Processing runs')), runsView(runs.runs))));
}

/** Why the verdict asks for a human check, when it does. */
function reviewReasonsView(validation) {
  const reasons = (validation && validation.reviewReasons) || [];
  if (!reasons.length) return null;
  return h('div', { class: 'review-box', id: 'review-reasons' },
    h('strong', {}, '需要人工复核的原因 Why a human review is needed'),
    h('ul', {}, reasons.map(r => h('li', {}, r))));
}

/** The rules that could not be assessed, each with its reason. */
function notAssessableView(validation, rulesById) {
  const rules = (validation && validation.notAssessable) || [];
  if (!rules.length) return null;
  const reasons = validation.notAssessableReasons || {};
  return h('div', { id: 'not-assessable' }, h('h3', {}, '无法评估的规则', h('small', {}, 'Not assessable')),
    h('ul', {}, rules.map(id => h('li', { 'data-rule': id }, h('a', { class: 'rule-id', href: '#/rules/' + encodeURIComponent(id) }, id),
      rulesById && rulesById.get(id) ? h('span', { class: 'muted' }, ' ' + rulesById.get(id).title) : null, '：', reasons[id] || '原因未说明'))));
}

/** A label for a row or cell key, e.g. t3.disclosed.total → 表三 “（一）予以公开” · 总计. */
function subjectLabel(subject, template) {
  if (LABELS.cells[subject] || LABELS.rows[subject]) return cellLabel(subject);
  const [table, row, column] = String(subject).split('.');
  const lookup = { t2: (template.t2 || []).flatMap(sub => sub.rows.map(r => [r, sub.columns])),
    t3: template.t3.rows.map(r => [r, template.t3.columns]), t4: template.t4.rows.map(r => [r, template.t4.columns]) };
  const found = (lookup[table] || []).find(([r]) => r.key === row);
  const tableName = TABLE_NAMES[String(table).toUpperCase()] || table;
  if (!found) return tableName + ' ' + subject;
  const col = column ? found[1].find(c => c.key === column) : null;
  return tableName + ' “' + found[0].label + '”' + (col ? ' · ' + col.label : (column ? ' · ' + column : ''));
}

/** Coverage at a glance per table and part, the unread rows and cells with reasons, and the doubtful cells. */
function readingView(reading, cells, template) {
  const doubtful = Object.entries(cells).filter(([, c]) => c && c.certainty === 'DOUBTFUL');
  if (!reading) {
    return h('p', { class: 'muted' }, '该解析结果不含读取报告（解析器版本较早） No reading report');
  }
  const out = [];
  if (reading.fileComplete === false || (reading.damage && reading.damage.length)) {
    out.push(h('div', { class: 'error-box', id: 'reading-damage' }, '文件不完整或已损坏：',
      h('ul', {}, (reading.damage || []).map(d => h('li', {}, d)))));
  }
  out.push(h('div', { class: 'coverage-list' }, (reading.tables || []).map(t => {
    const name = TABLE_NAMES[t.table] || t.table;
    return h('div', { class: 'coverage ' + t.status, 'data-coverage': t.table },
      h('strong', {}, name + ' ' + t.rowsRead + '/' + t.rowsExpected + ' 行'),
      h('span', {}, ' · 单元格 ' + t.cellsRead + '/' + t.cellsExpected),
      h('span', { class: t.cellsDoubtful ? 'doubt-count' : 'muted' }, ' · 存疑 ' + t.cellsDoubtful),
      h('span', { class: 'muted' }, ' · ' + (READING_LABELS[t.status] || t.status) + (t.foundBy ? '（' + (FOUND_BY_LABELS[t.foundBy] || t.foundBy) + '）' : '')));
  })));
  const parts = reading.parts || [];
  if (parts.length) {
    out.push(h('p', { id: 'reading-parts' }, '六个部分：', parts.map(p => h('span', { class: 'part-reading ' + p.status, 'data-part-reading': p.part },
      (PART_NAMES[p.part - 1] || String(p.part)).split('、')[0] + ' ' + (READING_LABELS[p.status] || p.status) + '　'))));
  }
  if (reading.identityDoubts && reading.identityDoubts.length) {
    out.push(h('p', { id: 'identity-doubts' }, '机关或年度存疑：' + reading.identityDoubts.join('、')));
  }
  const unread = (reading.tables || []).flatMap(t => (t.unread || []).map(u => [t, u]));
  out.push(h('h3', {}, '未读出的行和单元格', h('small', {}, 'Unread (' + unread.length + ')')));
  out.push(unread.length
    ? h('div', { class: 'table-wrap' }, h('table', { class: 'list', id: 'unread' },
      h('thead', {}, h('tr', {}, ['表', '行或单元格', '原因', '说明'].map(t => h('th', {}, t)))),
      h('tbody', {}, unread.map(([t, u]) => h('tr', { 'data-unread': u.subject },
        h('td', {}, TABLE_NAMES[t.table] || t.table), h('td', {}, subjectLabel(u.subject, template), h('div', { class: 'muted' }, u.subject)),
        h('td', {}, UNREAD_LABELS[u.reason] || u.reason || ''), h('td', {}, u.detail || ''))))))
    : h('p', { class: 'muted' }, '无 None'));
  out.push(h('h3', {}, '读取存疑的单元格', h('small', {}, 'Doubtful cells (' + doubtful.length + ')')));
  out.push(doubtful.length
    ? h('ul', { id: 'doubtful-cells' }, doubtful.map(([key, c]) => h('li', { 'data-doubtful': key },
      h('a', { href: '#', onclick: e => { e.preventDefault(); focusCell(key); } }, subjectLabel(key, template)),
      '：', c.raw || (c.value == null ? '' : String(c.value)), ' — ', DOUBT_LABELS[c.doubt] || c.doubt || '存疑',
      whereView(c))))
    : h('p', { class: 'muted' }, '无 None'));
  return out;
}

function cellMarks(findings) {
  const marks = {};
  for (const f of findings) {
    for (const key of f.cells || []) {
      if (f.severity === 'ERROR' || (f.severity === 'WARNING' && marks[key] !== 'ERROR')) marks[key] = f.severity;
      else if (!marks[key]) marks[key] = f.severity;
    }
  }
  return marks;
}

/** Where a cell was read: page, line and the source line itself, shown as text (not only in a tooltip). */
function whereView(cell) {
  if (!cell) return h('span', { class: 'where muted' }, ' · 未读取');
  const at = [cell.page ? '第' + cell.page + '页' : null, cell.line ? '第' + cell.line + '行' : null].filter(Boolean).join(' ');
  return h('span', { class: 'where' },
    at ? h('span', { class: 'page', 'data-page': cell.page || '' }, ' · ' + at) : null,
    cell.source ? h('span', { class: 'source' }, cell.source) : null);
}

/** Cells beyond this many are folded under a "show all" toggle: one real finding named hundreds. */
const CELLS_SHOWN = 6;

function findingView(finding, index, cells, rulesById) {
  const rule = rulesById && rulesById.get(finding.ruleId);
  const keys = finding.cells || [];
  const cellItem = key => h('li', { 'data-finding-cell': key },
    h('a', { href: '#', 'data-cell-link': key, onclick: e => { e.preventDefault(); focusCell(key); } }, cellLabel(key)),
    (cells || {})[key] ? h('span', { class: 'value' }, ' = ' + cellText(cells[key])) : null,
    whereView((cells || {})[key]),
    h('span', { class: 'key muted' }, key));
  let cellList = null;
  if (keys.length) {
    const shown = h('ul', { class: 'cells' }, keys.slice(0, CELLS_SHOWN).map(cellItem));
    const rest = keys.slice(CELLS_SHOWN);
    cellList = h('div', { class: 'cell-list' }, h('div', {}, '涉及单元格（' + keys.length + '）：'), shown,
      rest.length ? h('details', { class: 'more-cells' }, h('summary', {}, '展开其余 ' + rest.length + ' 个单元格'),
        h('ul', { class: 'cells' }, rest.map(cellItem))) : null);
  }
  return h('div', { class: 'finding ' + finding.severity, id: 'finding-' + index, 'data-rule': finding.ruleId },
    h('div', {}, badge(finding.severity, SEVERITY_LABELS), ' ',
      h('a', { class: 'rule-id', href: '#/rules/' + encodeURIComponent(finding.ruleId || '') }, finding.ruleId || ''), ' ',
      rule ? h('span', { class: 'rule-title muted' }, rule.title) : null),
    h('div', { class: 'finding-message' }, finding.message || ''),
    finding.messageEn ? h('div', { class: 'muted' }, finding.messageEn) : null,
    finding.expected != null || finding.actual != null
      ? h('div', {}, '应为 expected ', h('strong', {}, String(finding.expected)), '，实为 actual ', h('strong', {}, String(finding.actual))) : null,
    cellList,
    finding.section ? h('div', { class: 'muted' }, '所在部分：' + (PART_NAMES[finding.section - 1] || finding.section)) : null,
    finding.evidence ? h('blockquote', { class: 'evidence' }, finding.evidence) : null);
}

function cellText(cell) {
  if (!cell) return '';
  return cell.raw !== null && cell.raw !== undefined && cell.raw !== '' ? cell.raw : (cell.value == null ? '' : String(cell.value));
}

let catalogueRequest = null;

/** The rule catalogue (GET /api/v1/rules), fetched once per page load. */
function ruleCatalogue() {
  if (!catalogueRequest) catalogueRequest = getJson('/api/v1/rules').catch(e => { catalogueRequest = null; throw e; });
  return catalogueRequest;
}

function focusCell(key) {
  document.querySelectorAll('td.cell-focus').forEach(td => td.classList.remove('cell-focus'));
  const td = [...document.querySelectorAll('td[data-cell]')].find(el => el.getAttribute('data-cell') === key);
  if (td) { td.classList.add('cell-focus'); td.scrollIntoView({ block: 'center' }); showCellDetail(td); }
}

/** Shows the label, value, page and source line of a table cell below the table heading. */
function showCellDetail(td) {
  const box = document.getElementById('cell-detail');
  if (!box) return;
  const key = td.getAttribute('data-cell');
  const cell = td.cellData;
  box.replaceChildren(h('strong', {}, cellLabel(key)), ' ', h('span', { class: 'muted' }, key), ' ',
    cell ? h('span', {}, '= ' + cellText(cell)) : null, whereView(cell));
  box.hidden = false;
}

function partsView(sections, reading) {
  const byNumber = new Map(sections.map(s => [s.number, s]));
  const readings = new Map(((reading && reading.parts) || []).map(p => [p.part, p]));
  return PART_NAMES.map((name, i) => {
    const section = byNumber.get(i + 1);
    const partReading = readings.get(i + 1);
    // a part that is there but could not be read is never shown as missing: only ABSENT (or no reading report) is
    if (!section && partReading && partReading.status === 'PRESENT_UNREAD') {
      return h('p', { class: 'unread-part', 'data-part': i + 1 }, name, ' — 存在但未读出 present, not read');
    }
    if (!section) return h('p', { class: 'missing', 'data-part': i + 1 }, name, ' — 未找到 missing');
    const details = h('details', { class: 'part', 'data-part': i + 1 },
      h('summary', {}, section.heading || name), h('div', { class: 'section-text' }, section.text || ''));
    if (i === 0) details.open = true;
    return details;
  });
}

function tablesView(template, cells, marks) {
  const shown = new Set();
  const parts = [];
  for (const sub of template.t2) parts.push(h('h3', {}, sub.heading), table('t2', sub.rows, sub.columns, cells, marks, shown));
  parts.push(h('h3', {}, '三、收到和处理政府信息公开申请情况'),
    table('t3', template.t3.rows, template.t3.columns, cells, marks, shown, template.t3.note));
  parts.push(h('h3', {}, '四、政府信息公开行政复议、行政诉讼情况'),
    table('t4', template.t4.rows, template.t4.columns, cells, marks, shown, null, true));
  const others = Object.keys(cells).filter(k => !shown.has(k));
  if (others.length) {
    parts.push(h('h3', {}, '其他单元格 Other cells'), h('table', { class: 'report-table' },
      h('tbody', {}, others.map(k => h('tr', {}, h('th', { class: 'rowhead' }, k), valueCell(k, cells[k], marks[k]))))));
  }
  return parts.map(p => p.tagName === 'TABLE' ? h('div', { class: 'table-wrap' }, p) : p);
}

/** A printed table: grouped column headers, grouped row labels, one cell per canonical key. */
function table(prefix, rows, columns, cells, marks, shown, note, hideRowHeader) {
  const columnPaths = columns.map(c => [...(c.group ? c.group.split('·') : []), c.label]);
  const headerDepth = Math.max(...columnPaths.map(p => p.length));
  const rowPaths = rows.map(r => [...(r.groups || []), r.label]);
  const rowDepth = hideRowHeader ? 0 : Math.max(...rowPaths.map(p => p.length));
  const thead = h('thead');
  for (let level = 0; level < headerDepth; level++) {
    const tr = h('tr');
    if (level === 0 && rowDepth > 0) tr.appendChild(h('th', { rowspan: headerDepth, colspan: rowDepth, class: 'corner' }, note || ''));
    for (let c = 0; c < columns.length; c++) {
      const path = columnPaths[c];
      if (level >= path.length) continue;
      const isLeaf = level === path.length - 1;
      if (c > 0 && !isLeaf && sameprefix(columnPaths[c - 1], path, level)) continue;
      let span = 1;
      if (!isLeaf) while (c + span < columns.length && sameprefix(columnPaths[c + span], path, level)) span++;
      tr.appendChild(h('th', { colspan: span > 1 ? span : null, rowspan: isLeaf && headerDepth - level > 1 ? headerDepth - level : null }, path[level]));
    }
    thead.appendChild(tr);
  }
  const tbody = h('tbody');
  rows.forEach((row, r) => {
    const tr = h('tr', { 'data-row': row.key });
    const path = rowPaths[r];
    for (let level = 0; level < rowDepth; level++) {
      if (level >= path.length) break;
      const isLeaf = level === path.length - 1;
      if (!isLeaf && r > 0 && sameprefix(rowPaths[r - 1], path, level) && rowPaths[r - 1].length - 1 > level) continue;
      let span = 1;
      if (!isLeaf) while (r + span < rows.length && sameprefix(rowPaths[r + span], path, level) && rowPaths[r + span].length - 1 > level) span++;
      tr.appendChild(h('th', { class: 'rowhead', rowspan: span > 1 ? span : null, colspan: isLeaf && rowDepth - level > 1 ? rowDepth - level : null }, path[level]));
    }
    for (const column of columns) {
      const key = prefix + '.' + row.key + '.' + column.key;
      shown.add(key);
      tr.appendChild(valueCell(key, cells[key], marks[key]));
    }
    tbody.appendChild(tr);
  });
  return h('table', { class: 'report-table', 'data-table': prefix }, thead, tbody);
}

function sameprefix(a, b, level) {
  if (!a || a.length <= level) return false;
  for (let i = 0; i <= level; i++) if (a[i] !== b[i]) return false;
  return true;
}

function valueCell(key, cell, mark) {
  const classes = ['num'];
  if (mark === 'ERROR') classes.push('cell-error');
  else if (mark === 'WARNING') classes.push('cell-warning');
  if (!cell) classes.push('cell-absent');
  const doubtful = cell && cell.certainty === 'DOUBTFUL';
  if (doubtful) classes.push('cell-doubtful');
  const text = !cell ? '' : (cell.raw !== null && cell.raw !== undefined && cell.raw !== '' ? cell.raw : (cell.value == null ? '' : String(cell.value)));
  const title = cellLabel(key) + ' · ' + key + (cell ? ' · ' + cell.semantic + (cell.page ? ' · 第' + cell.page + '页' : '') + (cell.source ? '\n' + cell.source : '') : ' · 未读取 not read');
  const td = h('td', { class: classes.join(' '), 'data-cell': key, title, tabindex: 0,
    onclick: e => { focusCellElement(e.currentTarget); } }, text,
    doubtful ? h('span', { class: 'doubt-reason', 'data-doubt': cell.doubt || '' }, '存疑：' + (DOUBT_LABELS[cell.doubt] || cell.doubt || '原因未说明')) : null);
  td.cellData = cell;
  td.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); focusCellElement(td); } });
  return td;
}

function focusCellElement(td) {
  document.querySelectorAll('td.cell-focus').forEach(el => el.classList.remove('cell-focus'));
  td.classList.add('cell-focus');
  showCellDetail(td);
}

function factsView(facts) {
  if (!facts.length) return h('p', { class: 'muted' }, '无 None');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, ['名称 Name', '数值 Value', '部分', '依据 Evidence'].map(t => h('th', {}, t)))),
    h('tbody', {}, facts.map(f => h('tr', {},
      h('td', {}, f.name || ''), h('td', {}, f.value == null ? '' : String(f.value)),
      h('td', {}, f.section == null ? '' : String(f.section)), h('td', {}, f.evidence || ''))))));
}

function versionsView(versions, currentId) {
  if (!versions || !versions.length) return h('p', { class: 'muted' }, '无其他版本 No other versions');
  // a group of many versions shows as a count with the newest few; the rest fold away
  const item = v => h('li', {},
    v.reportId === currentId ? h('strong', {}, v.reportId) : reportLink(v.reportId),
    ' ', badge(v.verdict, VERDICT_LABELS), ' ', h('span', { class: 'muted' }, formatTime(v.submittedAt)),
    v.currentVersion ? h('span', { class: 'badge PASS' }, '当前版本') : null);
  return h('div', {}, h('p', { id: 'version-count' }, versions.length + ' 个版本'), h('ul', {}, versions.slice(0, 5).map(item)),
    versions.length > 5 ? h('details', {}, h('summary', {}, '展开其余 ' + (versions.length - 5) + ' 个版本'), h('ul', {}, versions.slice(5).map(item))) : null);
}

function runsView(runs) {
  if (!runs || !runs.length) return h('p', { class: 'muted' }, '无 None');
  return h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, ['时间', '阶段', '解析器', '规则集', '结果'].map(t => h('th', {}, t)))),
    h('tbody', {}, runs.map(r => h('tr', {},
      h('td', {}, formatTime(r.occurredAt)), h('td', {}, r.stage === 'PARSE' ? '解析' : '审查', r.current ? ' ✓' : ''),
      h('td', {}, r.parserVersion || ''), h('td', {}, r.rulesetVersion || ''), h('td', {}, r.verdict ? badge(r.verdict, VERDICT_LABELS) : '')))));
}

window.addEventListener('hashchange', route);
// other scripts register their routes when they load; route once the whole page is parsed
window.addEventListener('DOMContentLoaded', route);

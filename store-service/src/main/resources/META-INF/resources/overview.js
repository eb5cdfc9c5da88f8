/*
 * The supervisors' overview by region (#/regions, #/regions/320800?year=2024&verdict=FAIL&current=false): the region
 * cascader (province → city → county, then the agencies of the division), counters, the region × year heatmaps of
 * verdicts and of the most-failed rules (rule names beside ids), the divisions and agencies ranked by the share of
 * reports with errors. Everything follows the filters in the URL (current versions unless 含历史版本 is on) and clicks
 * through to the report list filtered the same way (#/?region=…&year=…). Loaded after app.js and agency.js; uses
 * h(), svg(), badge(), getJson(), ruleCatalogue(), agencyLink() and addRoute(). Values reach the page as text only.
 */
'use strict';

const OVERVIEW_FILTERS = ['year', 'verdict', 'current'];

/** The query of the report list (#/?…) or of the API for a region code and the overview's filters, plus extra ones. */
function overviewQuery(code, filters, extra) {
  const params = new URLSearchParams();
  if (code) params.set('region', code);
  for (const name of OVERVIEW_FILTERS) if (filters[name]) params.set(name, filters[name]);
  for (const [name, value] of Object.entries(extra || {})) if (value != null && value !== '') params.set(name, value);
  return params.toString();
}

/** The report list filtered by a region code, the overview's filters and extra ones. */
function listHref(code, filters, extra) {
  const query = overviewQuery(code, filters, extra);
  return '#/' + (query ? '?' + query : '');
}

/** The overview of a region code with these filters. */
function overviewHref(code, filters) {
  const query = overviewQuery(null, filters);
  return '#/regions' + (code ? '/' + code : '') + (query ? '?' + query : '');
}

async function renderRegions(match) {
  const code = match[1] || '';
  const params = new URLSearchParams(match[2] || '');
  const filters = {};
  for (const name of OVERVIEW_FILTERS) if (params.get(name)) filters[name] = params.get(name);
  setTitle('机关与地区');
  app.replaceChildren(h('p', { class: 'muted' }, '加载中… Loading'));
  const apiQuery = overviewQuery(code, filters);
  const [level, heat, regionRanking, ranking, stats, catalogue] = await Promise.all([
    getJson('/api/v1/regions' + (code ? '?parent=' + code : '')),
    getJson('/api/v1/regions/heatmap?' + apiQuery),
    getJson('/api/v1/regions/ranking?' + apiQuery),
    getJson('/api/v1/agencies?size=50' + (code ? '&region=' + code : '') + (filters.year ? '&year=' + encodeURIComponent(filters.year) : '')),
    getJson('/api/v1/aggregates?top=10&' + apiQuery),
    ruleCatalogue().catch(() => ({ rules: [] }))]);
  const ruleNames = new Map((catalogue.rules || []).map(r => [r.id, r.title]));

  const crumbs = [h('a', { href: overviewHref('', filters) }, '全国')];
  for (const r of level.path) crumbs.push(' / ', h('a', { href: overviewHref(r.code, filters) }, r.name));
  const cascader = h('select', { id: 'region-cascader', 'aria-label': '下级行政区划', onchange: e => {
    if (e.currentTarget.value) location.hash = overviewHref(e.currentTarget.value, filters);
  } },
  h('option', { value: '' }, level.items.length ? '选择下级行政区划…' : '（无下级）'),
  level.items.map(r => h('option', { value: r.code }, r.name)));

  const form = h('form', { class: 'filters', id: 'overview-form', onsubmit: e => {
    e.preventDefault();
    const chosen = {};
    const data = new FormData(form);
    for (const name of OVERVIEW_FILTERS) if (String(data.get(name) || '').trim()) chosen[name] = String(data.get(name)).trim();
    location.hash = overviewHref(code, chosen);
  } },
  h('label', {}, '年度', yearInput(filters.year)),
  h('label', {}, '审查结果', verdictSelect(filters.verdict)),
  historySwitch('overview-history', filters.current === 'false', () => form.requestSubmit()),
  h('button', { type: 'submit', id: 'overview-apply' }, '筛选'),
  h('a', { id: 'overview-list', href: listHref(code, filters) }, '查看报告列表 →'));

  app.replaceChildren(
    h('h1', {}, '机关与地区', h('small', {}, 'Overview by region')),
    h('div', { class: 'card' }, h('p', { id: 'region-path' }, crumbs), cascader, form),
    h('div', { class: 'counters', id: 'overview-counters' },
      overviewCounter('total', '报告数', 'Reports', stats.reports, listHref(code, filters)),
      VERDICTS.map(v => overviewCounter(v, VERDICT_LABELS[v] || v, v, stats.byVerdict[v] || 0,
        listHref(code, filters, { verdict: v })))),
    h('div', { class: 'grid two' },
      h('div', { class: 'card', id: 'heatmap' }, h('h2', {}, '地区 × 年度 审查结果', h('small', {}, 'Verdicts by region and year')),
        verdictHeatmap(heat, filters)),
      h('div', { class: 'card', id: 'rule-heatmap' }, h('h2', {}, '地区 × 年度 最常见问题规则', h('small', {}, 'Most-failed rules')),
        ruleHeatmap(heat, filters, ruleNames))),
    h('div', { class: 'card', id: 'top-rules' }, h('h2', {}, '最常见的问题规则', h('small', {}, 'Top failing rules')),
      topRulesList(stats.topFailingRules, code, filters, ruleNames)),
    h('div', { class: 'grid two' },
      h('div', { class: 'card', id: 'region-ranking' }, h('h2', {}, '地区排名（按有错误报告占比）', h('small', {}, 'Regions by share of reports with errors')),
        regionRankingTable(regionRanking.items, filters)),
      h('div', { class: 'card', id: 'ranking' }, h('h2', {}, '机关排名（按不通过报告占比）', h('small', {}, 'Agencies by share of failed reports')),
        agencyRankingTable(ranking.items))));
}

function yearInput(year) {
  const input = h('input', { name: 'year', id: 'overview-year', type: 'number', min: 2000, max: 2100 });
  input.value = year || '';
  return input;
}

function verdictSelect(verdict) {
  const select = h('select', { name: 'verdict', id: 'overview-verdict' }, h('option', { value: '' }, '全部'),
    VERDICTS.map(v => h('option', { value: v }, (VERDICT_LABELS[v] || v))));
  select.value = verdict || '';
  return select;
}

/** The 含历史版本 switch: checked sends current=false (every version), unchecked the default (current versions). */
function historySwitch(id, checked, onchange) {
  const box = h('input', { type: 'checkbox', name: 'current', value: 'false', id, onchange });
  box.checked = checked;
  return h('label', { class: 'history-switch' }, box, ' 含历史版本');
}

function overviewCounter(kind, label, english, n, href) {
  return h('a', { class: 'counter ' + kind, 'data-counter': kind, href },
    h('div', { class: 'n' }, String(n)), h('div', { class: 'l' }, label, ' ', h('small', {}, english)));
}

/** The years and divisions of the heatmap cells, and a division's name. */
function heatAxes(heat, cells) {
  const regions = [...new Set(cells.map(c => c.regionCode))].sort();
  const years = [...new Set(cells.map(c => c.year))].sort((a, b) => a - b);
  return { regions, years, name: code => heat.regions[code] || code };
}

/** A table of divisions down and years across; {@code cell(code, year)} fills each cell. */
function heatTable(id, axes, filters, cell) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'heat', id },
    h('thead', {}, h('tr', {}, h('th', {}, '地区'), axes.years.map(y => h('th', {}, y + ' 年')))),
    h('tbody', {}, axes.regions.map(code => h('tr', { 'data-region-row': code },
      h('th', { class: 'rowhead' }, h('a', { href: overviewHref(code, filters) }, axes.name(code))),
      axes.years.map(year => cell(code, year)))))));
}

/** Each cell: failed/total reports, shaded by the share failed; it opens the list of that division and year. */
function verdictHeatmap(heat, filters) {
  if (!heat.cells.length) return h('p', { class: 'muted' }, '暂无数据 No data');
  const axes = heatAxes(heat, heat.cells);
  return h('div', {}, heatTable('verdict-heat', axes, filters, (code, year) => {
    const cells = heat.cells.filter(c => c.regionCode === code && c.year === year);
    const total = cells.reduce((n, c) => n + c.reports, 0);
    if (!total) return h('td', { class: 'heat-empty' }, '—');
    const failed = cells.filter(c => c.verdict === 'FAIL').reduce((n, c) => n + c.reports, 0);
    const td = h('td', { class: 'heat-cell', 'data-region': code, 'data-year': year,
      title: axes.name(code) + ' ' + year + '：' + cells.map(c => (VERDICT_LABELS[c.verdict] || c.verdict) + ' ' + c.reports).join('，') },
    h('a', { href: listHref(code, filters, { year }) }, failed + '/' + total));
    paint(td, failed / total);
    return td;
  }), h('p', { class: 'muted' }, '格内为“不通过/报告数”，颜色越深不通过占比越高；点击查看该地区该年度的报告。'));
}

/** Each cell: the division and year's most-failed rules with the reports they fail; the legend names every rule. */
function ruleHeatmap(heat, filters, ruleNames) {
  if (!heat.rules.length) return h('p', { class: 'muted' }, '暂无问题 No failing rules');
  const axes = heatAxes(heat, heat.rules);
  const totals = new Map();
  for (const c of heat.cells) totals.set(c.regionCode + '/' + c.year, (totals.get(c.regionCode + '/' + c.year) || 0) + c.reports);
  const table = heatTable('rule-heat', axes, filters, (code, year) => {
    const rules = heat.rules.filter(c => c.regionCode === code && c.year === year);
    if (!rules.length) return h('td', { class: 'heat-empty' }, '—');
    const total = totals.get(code + '/' + year) || rules[0].reports;
    const td = h('td', { class: 'heat-cell', 'data-region': code, 'data-year': year },
      rules.map(r => h('a', { class: 'heat-rule', 'data-rule': r.ruleId, href: listHref(code, filters, { year, rule: r.ruleId }),
        title: r.ruleId + ' ' + (ruleNames.get(r.ruleId) || '') + '：' + r.reports + '/' + total + ' 份报告' }, r.ruleId + ' ×' + r.reports)));
    paint(td, rules[0].reports / total);
    return td;
  });
  const ids = [...new Set(heat.rules.map(r => r.ruleId))].sort();
  return h('div', {}, table, h('ul', { class: 'rule-legend', id: 'rule-legend' }, ids.map(id => h('li', { 'data-rule': id },
    h('a', { class: 'rule-id', href: '#/rules/' + encodeURIComponent(id) }, id), ' ', ruleNames.get(id) || ''))),
  h('p', { class: 'muted' }, '格内为该地区该年度问题最多的规则及其涉及的报告数；点击查看这些报告。'));
}

/** Shades a cell from white to red as the share grows; dark cells get light text. */
function paint(td, share) {
  td.style.background = 'rgb(' + Math.round(255 - 63 * share) + ',' + Math.round(240 - 224 * share) + ',' + Math.round(240 - 168 * share) + ')';
  if (share > 0.5) td.classList.add('heat-dark');
}

function topRulesList(rules, code, filters, ruleNames) {
  if (!rules || !rules.length) return h('p', { class: 'muted' }, '暂无问题 No failing rules');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'list', id: 'top-rules-table' },
    h('thead', {}, h('tr', {}, ['规则', '名称', '涉及报告', '错误', '警告'].map(t => h('th', {}, t)))),
    h('tbody', {}, rules.map(r => h('tr', { 'data-rule': r.ruleId },
      h('td', {}, h('a', { href: listHref(code, filters, { rule: r.ruleId }) }, r.ruleId)),
      h('td', {}, ruleNames.get(r.ruleId) || ''),
      h('td', {}, String(r.reports)), h('td', {}, String(r.errors)), h('td', {}, String(r.warnings)))))));
}

function regionRankingTable(items, filters) {
  if (!items.length) return h('p', { class: 'muted' }, '暂无数据 No data');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'list', id: 'region-ranking-table' },
    h('thead', {}, h('tr', {}, ['地区', '报告数', '有错误', '占比'].map(t => h('th', {}, t)))),
    h('tbody', {}, items.map(r => h('tr', { 'data-region': r.regionCode },
      h('td', {}, h('a', { href: overviewHref(r.regionCode, filters) }, r.name)),
      h('td', {}, h('a', { href: listHref(r.regionCode, filters) }, String(r.reports))),
      h('td', {}, h('a', { href: listHref(r.regionCode, filters, { verdict: 'FAIL' }) }, String(r.withErrors))),
      h('td', {}, Math.round(r.errorShare * 100) + '%'))))));
}

function agencyRankingTable(items) {
  if (!items.length) return h('p', { class: 'muted' }, '暂无机关 No agencies');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, ['机关', '报告数', '年度数', '不通过', '不通过占比'].map(t => h('th', {}, t)))),
    h('tbody', {}, items.map(a => h('tr', { 'data-agency': a.agencyId },
      h('td', {}, agencyLink(a.agencyId, a.name)), h('td', {}, String(a.reports)), h('td', {}, String(a.years)),
      h('td', {}, String(a.failed)), h('td', {}, Math.round(a.errorShare * 100) + '%'))))));
}

addRoute(/^#\/regions(?:\/(\d{6}))?(?:\?(.*))?$/, renderRegions);

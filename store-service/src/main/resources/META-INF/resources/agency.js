/*
 * Agency pages of the dashboard: one agency across the years (its reports by year, two years side by side with the
 * changed cells and paragraphs, the comparison as DOCX) and the supervisors' overview by region (cascader, region ×
 * year heatmap, agencies ranked by the share of failed reports). Loaded after app.js; uses its h(), badge(),
 * getJson() and addRoute(). Values reach the page through textContent and fixed attribute names only.
 */
'use strict';

const MATCH_LABELS = { DECLARED_CODE: '申报机关编号', DECLARED_NAME: '申报机关名称', EXACT_ALIAS: '名称完全一致',
  REGION_PREFIX_STRIPPED: '去除上级行政区划后一致', FUZZY: '名称近似', NEW: '新登记机关', MANUAL: '人工指定' };
const KIND_LABELS = { GOVERNMENT: '人民政府', DEPARTMENT: '政府部门' };
const PARAGRAPH_LABELS = { ADDED: '新增', REMOVED: '删除', CHANGED: '修改' };

function agencyLink(id, text) {
  return h('a', { href: '#/agency/' + encodeURIComponent(id), 'data-agency': id }, text);
}

/* ------------------------------------------------------------------ one agency */

async function renderAgency(match) {
  const id = match[1];
  const params = new URLSearchParams(match[2] || '');
  app.replaceChildren(h('p', { class: 'muted' }, '加载中… Loading'));
  const agency = await getJson('/api/v1/agencies/' + id);
  const years = [...new Set(agency.reports.map(r => r.year).filter(y => y != null))].sort((a, b) => a - b);
  const to = Number(params.get('to')) || years[years.length - 1];
  const from = Number(params.get('from')) || years.filter(y => y < to).pop();
  const region = agency.regionCode ? await getJson('/api/v1/regions?parent=' + agency.regionCode).catch(() => null) : null;
  const comparisonBox = h('div', { id: 'comparison' });

  const yearSelect = (name, selected) => h('select', { name, id: 'year-' + name },
    years.map(y => h('option', { value: y, selected: y === selected ? 'selected' : null }, y + ' 年')));
  const chooser = h('form', { class: 'filters', id: 'compare-form', onsubmit: e => {
    e.preventDefault();
    location.hash = '#/agency/' + id + '?from=' + e.currentTarget.elements.from.value + '&to=' + e.currentTarget.elements.to.value;
  } },
  h('label', {}, '对比年度', yearSelect('from', from)),
  h('label', {}, '与', yearSelect('to', to)),
  h('button', { type: 'submit' }, '对比 Compare'));

  app.replaceChildren(
    h('p', {}, h('a', { href: '#/regions' }, '← 机关与地区')),
    h('h1', { id: 'agency-name' }, agency.name, h('small', {}, KIND_LABELS[agency.kind] || '')),
    h('div', { class: 'card' },
      h('dl', { class: 'kv' },
        h('dt', {}, '机关编号'), h('dd', { id: 'agency-id' }, String(agency.agencyId)),
        h('dt', {}, '行政区划'), h('dd', { id: 'agency-region' },
          region && region.path.length ? region.path.map(r => r.name).join(' / ') + '（' + agency.regionCode + '）' : (agency.regionCode || '—')),
        h('dt', {}, '别名'), h('dd', { id: 'agency-aliases' }, agency.aliases.join('、') || '—'),
        agency.mergedInto ? h('dt', {}, '已合并') : null,
        agency.mergedInto ? h('dd', {}, '已并入 ', agencyLink(agency.mergedInto, '机关 ' + agency.mergedInto)) : null)),
    h('div', { class: 'card', id: 'agency-years' }, h('h2', {}, '历年报告', h('small', {}, 'Reports by year')),
      h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, ['年度', '报告', '审查结果', '错误/警告', '匹配依据', '版本'].map(t => h('th', {}, t)))),
        h('tbody', {}, agency.reports.map(r => h('tr', { 'data-year': r.year },
          h('td', {}, r.year == null ? '—' : String(r.year)),
          h('td', {}, reportLink(r.reportId, r.agency || r.reportId)),
          h('td', {}, badge(r.verdict, VERDICT_LABELS)),
          h('td', {}, (r.errors ?? '—') + ' / ' + (r.warnings ?? '—')),
          h('td', {}, MATCH_LABELS[r.matchBasis] || r.matchBasis || '—',
            r.matchConfidence != null ? h('span', { class: 'muted' }, ' ' + Math.round(r.matchConfidence * 100) + '%') : null),
          h('td', {}, r.currentVersion ? '当前版本' : h('span', { class: 'muted' }, '旧版本'))))))),
    h('div', { class: 'card' }, h('h2', {}, '两年对比', h('small', {}, 'Year over year')),
      years.length > 1 ? chooser : h('p', { class: 'muted' }, '只有一个年度的报告，暂无可对比的年度。'),
      comparisonBox),
    agency.audit.length ? h('div', { class: 'card', id: 'agency-audit' }, h('h2', {}, '变更记录', h('small', {}, 'Audit')),
      h('ul', {}, agency.audit.map(a => h('li', {}, formatTime(a.at) + ' · ' + a.actor + ' · ' + a.action
        + (a.otherId ? ' · 机关 ' + a.otherId : ''))))) : null);

  if (from && to && from !== to) {
    const comparison = await getJson('/api/v1/agencies/' + id + '/compare?from=' + from + '&to=' + to);
    const later = agency.reports.find(r => r.reportId === comparison.toReportId);
    const detail = later ? await getJson('/api/v1/reports/' + later.reportId).catch(() => null) : null;
    comparisonBox.replaceChildren(comparisonView(id, comparison, detail));
  }
}

function comparisonView(id, c, laterDetail) {
  const findings = ((laterDetail && laterDetail.validation && laterDetail.validation.findings) || [])
    .filter(f => f.ruleId && f.ruleId.startsWith('Y-'));
  const changedParagraphs = c.parts.reduce((n, p) => n + p.paragraphs.filter(x => x.kind !== 'SAME').length, 0);
  return h('div', {},
    h('p', { id: 'comparison-summary' },
      c.fromYear + ' 年（', reportLink(c.fromReportId), '）与 ' + c.toYear + ' 年（', reportLink(c.toReportId), '）：',
      '表格变化单元格 ', h('strong', { id: 'changed-cells' }, String(c.changedCells)), ' 个，正文变化段落 ',
      h('strong', {}, String(changedParagraphs)), ' 段。 ',
      h('a', { id: 'comparison-docx', href: '/api/v1/agencies/' + id + '/compare.docx?from=' + c.fromYear + '&to=' + c.toYear }, '下载对比报告 DOCX')),
    findings.length ? h('div', { class: 'review-box', id: 'cross-year-findings' }, h('strong', {}, '跨年度审查发现'),
      h('ul', {}, findings.map(f => h('li', {}, badge(f.severity, SEVERITY_LABELS), ' ', f.ruleId + ' ' + (f.message || ''),
        (f.cells || []).map(key => h('a', { href: '#', class: 'prev-cell', 'data-cell': key, onclick: e => {
          e.preventDefault(); focusComparisonCell(key);
        } }, ' 上年单元格 ' + key)))))) : null,
    h('div', { id: 'comparison-tables' }, c.tables.map(t => comparisonTable(c, t))),
    h('h3', {}, '正文对比', h('small', {}, 'Narrative by part')),
    h('div', { id: 'comparison-parts' }, c.parts.map(partView)));
}

function focusComparisonCell(key) {
  const cell = document.querySelector('[data-cmp-cell="' + CSS.escape(key) + '"]');
  if (!cell) return;
  document.querySelectorAll('td.cell-focus').forEach(el => el.classList.remove('cell-focus'));
  cell.classList.add('cell-focus');
  cell.scrollIntoView({ block: 'center' });
}

function comparisonTable(c, t) {
  return h('div', { class: 'table-wrap' },
    h('h4', {}, (TABLE_NAMES[t.table] || t.table) + ' ' + t.title),
    h('table', { class: 'report-table compare-table', 'data-table': t.table },
      h('thead', {}, h('tr', {}, h('th', {}, '项目'), t.columns.map(col => h('th', {}, col)))),
      h('tbody', {}, t.rows.map(row => h('tr', {},
        h('th', { class: 'rowhead' }, row.label),
        row.cells.map(cell => cell.changed
          ? h('td', { class: 'num changed', 'data-cmp-cell': cell.key, title: c.fromYear + '：' + (cell.before || '空') + ' → ' + c.toYear + '：' + (cell.after || '空') },
            h('span', { class: 'before' }, cell.before || '空'), ' → ', h('span', { class: 'after' }, cell.after || '空'),
            cell.delta != null ? h('span', { class: 'delta' }, '（' + (cell.delta > 0 ? '+' : '') + cell.delta + '）') : null)
          : h('td', { class: 'num', 'data-cmp-cell': cell.key }, cell.after)))))));
}

function partView(part) {
  const changes = part.paragraphs.filter(p => p.kind !== 'SAME');
  return h('details', { class: 'part', open: changes.length ? 'open' : null, 'data-part': part.number },
    h('summary', {}, part.heading, h('span', { class: 'muted' }, changes.length ? ' 变化 ' + changes.length + ' 段' : ' 无变化')),
    part.paragraphs.map(p => p.kind === 'SAME'
      ? h('p', { class: 'para same' }, p.after)
      : h('div', { class: 'para ' + p.kind.toLowerCase(), 'data-kind': p.kind },
        h('span', { class: 'para-kind' }, PARAGRAPH_LABELS[p.kind]),
        p.before != null ? h('p', { class: 'before' }, p.before) : null,
        p.after != null ? h('p', { class: 'after' }, withNumbers(p.after, p.changedNumbers || [])) : null)));
}

/** The text with the changed numbers marked. */
function withNumbers(text, numbers) {
  const out = [];
  let at = 0;
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    if (!numbers.includes(m[0])) continue;
    out.push(text.slice(at, m.index), h('mark', { class: 'changed-number' }, m[0]));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

/* ------------------------------------------------------------------ supervisors' overview */

async function renderRegions(match) {
  const code = match[1] || '';
  const [level, heat, ranking] = await Promise.all([
    getJson('/api/v1/regions' + (code ? '?parent=' + code : '')),
    getJson('/api/v1/regions/heatmap' + (code ? '?region=' + code : '')),
    getJson('/api/v1/agencies?size=50' + (code ? '&region=' + code : ''))]);
  const crumbs = [h('a', { href: '#/regions' }, '全国')];
  for (const r of level.path) crumbs.push(' / ', h('a', { href: '#/regions/' + r.code }, r.name));
  const cascader = h('select', { id: 'region-cascader', onchange: e => { if (e.currentTarget.value) location.hash = '#/regions/' + e.currentTarget.value; } },
    h('option', { value: '' }, level.items.length ? '选择下级行政区划…' : '（无下级）'),
    level.items.map(r => h('option', { value: r.code }, r.name)));
  app.replaceChildren(
    h('h1', {}, '机关与地区', h('small', {}, 'Agencies by region')),
    h('div', { class: 'card' }, h('p', { id: 'region-path' }, crumbs), cascader,
      h('a', { class: 'region-reports', href: '/api/v1/reports?current=true' + (code ? '&region=' + code : '') }, ' 该地区报告列表（JSON）')),
    h('div', { class: 'card', id: 'heatmap' }, h('h2', {}, '地区 × 年度 审查结果', h('small', {}, 'Verdicts by region and year')),
      heatmap(heat)),
    h('div', { class: 'card', id: 'ranking' }, h('h2', {}, '机关排名（按不通过报告占比）', h('small', {}, 'Agencies by share of failed reports')),
      h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, ['机关', '报告数', '年度数', '不通过', '不通过占比'].map(t => h('th', {}, t)))),
        h('tbody', {}, ranking.items.map(a => h('tr', { 'data-agency': a.agencyId },
          h('td', {}, agencyLink(a.agencyId, a.name)), h('td', {}, String(a.reports)), h('td', {}, String(a.years)),
          h('td', {}, String(a.failed)), h('td', {}, Math.round(a.errorShare * 100) + '%')))))));
}

/** Regions down, years across; each cell's colour is the share of failed reports, its text the counts. */
function heatmap(heat) {
  if (!heat.cells.length) return h('p', { class: 'muted' }, '暂无数据 No data');
  const regions = [...new Set(heat.cells.map(c => c.regionCode))];
  const years = [...new Set(heat.cells.map(c => c.year))].sort((a, b) => a - b);
  const cellW = 90, cellH = 26, left = 150, top = 22;
  const chart = svg('svg', { width: left + years.length * cellW + 10, height: top + regions.length * cellH + 6, role: 'img', 'aria-label': '地区年度热力图' });
  years.forEach((y, i) => chart.appendChild(svg('text', { x: left + i * cellW + 8, y: 15 }, y + ' 年')));
  regions.forEach((code, j) => {
    const y = top + j * cellH;
    const label = svg('a', { href: '#/regions/' + code }, svg('text', { x: 4, y: y + 17 }, heat.regions[code] || code));
    chart.appendChild(label);
    years.forEach((year, i) => {
      const cells = heat.cells.filter(c => c.regionCode === code && c.year === year);
      const total = cells.reduce((n, c) => n + c.reports, 0);
      const failed = cells.filter(c => c.verdict === 'FAIL').reduce((n, c) => n + c.reports, 0);
      const share = total ? failed / total : 0;
      const fill = total ? 'rgb(' + Math.round(255 - 63 * share) + ',' + Math.round(240 - 224 * share) + ',' + Math.round(240 - 168 * share) + ')' : '#f2f4f7';
      chart.appendChild(svg('rect', { x: left + i * cellW, y, width: cellW - 2, height: cellH - 2, fill, 'data-region': code, 'data-year': year },
        svg('title', {}, (heat.regions[code] || code) + ' ' + year + '：' + cells.map(c => (VERDICT_LABELS[c.verdict] || c.verdict) + ' ' + c.reports).join('，'))));
      chart.appendChild(svg('text', { x: left + i * cellW + 6, y: y + 17 }, total ? failed + '/' + total : '—'));
    });
  });
  return h('div', {}, chart, h('p', { class: 'muted' }, '格内为“不通过/报告数”，颜色越深不通过占比越高。'));
}

addRoute(/^#\/agency\/(\d+)(?:\?(.*))?$/, renderAgency);
addRoute(/^#\/regions(?:\/(\d{6}))?$/, renderRegions);

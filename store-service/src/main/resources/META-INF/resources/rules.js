/*
 * The rule catalogue page (#/rules, #/rules/T3-03): every rule of GET /api/v1/rules with its statement, formula and
 * Chinese message, filterable by text, severity and part; the filters live in the URL.
 */
'use strict';

const RULE_PARTS = { DOCUMENT: '全文', OVERVIEW: '一、总体情况', T2: '二、主动公开', T3: '三、依申请公开', T4: '四、复议诉讼',
  PROBLEMS: '五、问题及改进', OTHER: '六、其他事项', HISTORY: '历年与其他机关' };

async function renderRules(match) {
  setTitle('规则目录');
  const focus = match[1] ? decodeURIComponent(match[1]) : null;
  app.replaceChildren(h('p', { class: 'muted' }, '加载中… Loading'));
  const catalogue = await ruleCatalogue();
  const params = hashParams();
  const state = { q: params.get('q') || '', severity: params.get('severity') || '', part: params.get('part') || '' };
  const list = h('div', { id: 'rule-list' });
  const count = h('span', { id: 'rule-count', class: 'muted' });
  const severities = ['ERROR', 'WARNING', 'INFO'];
  const parts = [...new Set(catalogue.rules.map(r => r.part))];
  const select = (name, values, labels) => {
    const el = h('select', { name, id: 'rule-filter-' + name, onchange: () => { state[name] = el.value; update(); } },
      h('option', { value: '' }, '全部'), values.map(v => h('option', { value: v }, (labels[v] || v))));
    el.value = state[name];
    return el;
  };
  const search = h('input', { type: 'search', id: 'rule-filter-q', placeholder: '编号、名称或提示，例如 T3-03、勾稽',
    oninput: () => { state.q = search.value; update(); } });
  search.value = state.q;

  function update() {
    const q = state.q.trim().toLowerCase();
    const shown = catalogue.rules.filter(r => (!state.severity || r.severity === state.severity)
      && (!state.part || r.part === state.part)
      && (!q || [r.id, r.title, r.messageZh, r.messageEn, r.formula].some(t => String(t || '').toLowerCase().includes(q))));
    list.replaceChildren(...shown.map(r => ruleView(r, r.id === focus)));
    count.textContent = '共 ' + shown.length + ' / ' + catalogue.rules.length + ' 条规则';
    const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v)).toString();
    history.replaceState(null, '', '#/rules' + (focus ? '/' + encodeURIComponent(focus) : '') + (query ? '?' + query : ''));
  }

  app.replaceChildren(
    h('h1', {}, '规则目录', h('small', {}, 'Rule catalogue')),
    h('div', { class: 'card' },
      h('p', { class: 'muted' }, '规则集：', catalogue.ruleSets.map(s => h('span', { class: 'ruleset' },
        s.id + '（' + s.edition + ' 版，' + s.fromYear + (s.toYear ? '–' + s.toYear : ' 起') + '年度，' + s.rules.length + ' 条）'))),
      h('form', { class: 'filters', onsubmit: e => e.preventDefault() },
        h('label', {}, '查找', search),
        h('label', {}, '严重程度', select('severity', severities, LABELS.severity)),
        h('label', {}, '部分', select('part', parts, RULE_PARTS)),
        count)),
    list);
  update();
  if (focus) {
    const target = document.getElementById('rule-' + focus);
    if (target) target.scrollIntoView({ block: 'start' });
  }
}

function ruleView(rule, focused) {
  return h('div', { class: 'card rule' + (focused ? ' rule-focus' : ''), id: 'rule-' + rule.id, 'data-rule-id': rule.id },
    h('div', { class: 'rule-head' }, h('strong', { class: 'rule-id' }, rule.id), ' ', badge(rule.severity, LABELS.severity), ' ',
      h('span', { class: 'rule-title' }, rule.title),
      rule.implemented ? null : h('span', { class: 'badge' }, '未实现')),
    h('dl', { class: 'kv' },
      h('dt', {}, '提示信息'), h('dd', {}, rule.messageZh || ''),
      h('dt', {}, '公式'), h('dd', { class: 'formula' }, rule.formula || ''),
      h('dt', {}, '适用'), h('dd', {}, (RULE_PARTS[rule.part] || rule.part) + ' · ' + rule.editions.join('、') + ' 版'
        + (rule.fromYear || rule.toYear ? ' · ' + (rule.fromYear || '') + '–' + (rule.toYear || '') + '年度' : '') + ' · v' + rule.version),
      h('dt', {}, '依据'), h('dd', { class: 'muted' }, rule.input || ''),
      h('dt', {}, 'English'), h('dd', { class: 'muted' }, rule.messageEn || '')));
}

addRoute(/^#\/rules(?:\/([^?]+))?(?:\?.*)?$/, renderRules);

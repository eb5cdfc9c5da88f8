/*
 * The reviewer's workbench (loaded after app.js, whose helpers h, badge, getJson, subjectLabel … it uses): who is
 * signed in and the sign-in form in the top bar, and the review page #/review/<reportId> — cells to check against
 * the page picture with a correction form, decisions on findings, the review state, rectification against the
 * previous version, the history of corrections and the review letter. Untrusted text only ever goes through
 * textContent (h) and setAttribute.
 */
'use strict';

const ROLE_LABELS = { admin: '管理员', reviewer: '审核员', submitter: '报送员', reader: '查阅者' };
const STATE_LABELS = { PENDING: '待审', IN_REVIEW: '审核中', REVIEWED: '已审', RETURNED: '退回整改' };
const DECISION_LABELS = { CONFIRMED: '确认', DISMISSED: '驳回', NOTE: '备注' };
const RECTIFICATION_LABELS = { RESOLVED: '已整改', OPEN: '仍未整改' };

let currentUser = { signedIn: false, name: '', roles: [], signIn: 'form' };

function canReview() {
  return currentUser.signedIn && currentUser.roles.includes('reviewer');
}

/* ------------------------------------------------------------------ sign-in */

async function refreshUser() {
  try {
    currentUser = await getJson('/api/v1/me');
  } catch (e) {
    currentUser = { signedIn: false, name: '', roles: [], signIn: 'oidc' };
  }
  renderUserBox();
  return currentUser;
}

function renderUserBox() {
  let box = document.getElementById('user-box');
  if (!box) {
    box = h('span', { id: 'user-box', class: 'user-box' });
    document.querySelector('.topbar nav').appendChild(box);
  }
  if (currentUser.signedIn) {
    const role = ['admin', 'reviewer', 'submitter', 'reader'].find(r => currentUser.roles.includes(r));
    box.replaceChildren(
      h('span', { id: 'signed-in-as', 'data-user': currentUser.name }, '已登录：' + currentUser.name + (role ? '（' + ROLE_LABELS[role] + '）' : '')),
      h('a', { href: '#', id: 'sign-out', onclick: async e => {
        e.preventDefault();
        await fetch('/api/v1/me/sign-out', { method: 'POST' });
        await refreshUser();
        route();
      } }, '退出 Sign out'));
  } else if (currentUser.signIn === 'oidc') {
    box.replaceChildren(h('a', { href: '/api/v1/me/sign-in', id: 'sign-in' }, '登录 Sign in'));
  } else {
    box.replaceChildren(h('a', { href: '#', id: 'sign-in', onclick: e => { e.preventDefault(); toggleSignInForm(); } }, '登录 Sign in'));
  }
}

function toggleSignInForm() {
  const existing = document.getElementById('sign-in-form');
  if (existing) { existing.remove(); return; }
  const message = h('span', { class: 'muted', id: 'sign-in-message' });
  const form = h('form', { id: 'sign-in-form', class: 'card sign-in-form', onsubmit: async e => {
    e.preventDefault();
    const body = new URLSearchParams({ j_username: form.elements.username.value, j_password: form.elements.password.value });
    const response = await fetch('/j_security_check', { method: 'POST', body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    if (!response.ok) {
      message.textContent = '用户名或密码不正确 Wrong user name or password';
      return;
    }
    form.remove();
    await refreshUser();
    route();
  } },
  h('label', {}, '用户名 User ', h('input', { name: 'username', id: 'sign-in-user', autocomplete: 'username', required: true })),
  h('label', {}, '密码 Password ', h('input', { name: 'password', id: 'sign-in-password', type: 'password', autocomplete: 'current-password', required: true })),
  h('button', { type: 'submit', id: 'sign-in-submit' }, '登录'), message);
  document.querySelector('.topbar').after(form);
  form.elements.username.focus();
}

/* ------------------------------------------------------------------ review page */

async function sendJson(method, url, body) {
  const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body) });
  let payload = null;
  try { payload = await response.json(); } catch (e) { /* no body */ }
  if (!response.ok) {
    const error = payload && payload.error ? payload.error.code + ': ' + payload.error.message : String(response.status);
    throw new Error(response.status === 401 ? '请先登录 Sign in first (' + error + ')' : error);
  }
  return payload;
}

function cellsToCheck(report) {
  const cells = report.cells || {};
  const items = [];
  for (const [key, cell] of Object.entries(cells)) {
    if (cell && (cell.certainty === 'DOUBTFUL' || cell.correction)) items.push({ key, why: cell.certainty === 'DOUBTFUL' ? (DOUBT_LABELS[cell.doubt] || '读取存疑') : '已更正' });
  }
  for (const table of (report.reading && report.reading.tables) || []) {
    for (const unread of table.unread || []) {
      if (!items.some(i => i.key === unread.subject)) items.push({ key: unread.subject, why: UNREAD_LABELS[unread.reason] || '未读出', unread: true });
    }
  }
  return items;
}

/** The cell keys of a row subject (t3.row) or the cell itself (t3.row.column). */
function cellKeysOf(subject, template) {
  const parts = String(subject).split('.');
  if (parts.length >= 3) return [subject];
  const columns = parts[0] === 't3' ? template.t3.columns : parts[0] === 't4' ? template.t4.columns
    : ((template.t2 || []).find(sub => sub.rows.some(r => r.key === parts[1])) || { columns: [] }).columns;
  return columns.map(c => subject + '.' + c.key);
}

function correctionPanel(report, subject, template, onSaved) {
  const keys = cellKeysOf(subject, template);
  const select = h('select', { id: 'correction-cell' }, keys.map(k => h('option', { value: k }, subjectLabel(k, template))));
  const picture = h('div', { class: 'page-picture', id: 'page-picture' });
  const message = h('p', { class: 'muted', id: 'correction-message' });
  const showPicture = () => {
    const key = select.value;
    const cell = (report.cells || {})[key];
    const page = cell && cell.page;
    const type = (report.fileName || '').toLowerCase();
    picture.replaceChildren();
    if (page && (type.endsWith('.pdf') || /\.(png|jpe?g|tiff?)$/.test(type))) {
      picture.append(h('img', { src: '/api/v1/reports/' + report.reportId + '/pages/' + page + '?cell=' + encodeURIComponent(key),
        alt: '第' + page + '页 ' + subjectLabel(key, template), id: 'page-crop', 'data-page': page }),
      h('div', { class: 'muted' }, '第' + page + '页（原件） Page ' + page));
    } else if (cell && cell.source) {
      picture.append(h('div', { class: 'muted' }, '原文行 Source row' + (page ? '（第' + page + '页）' : '') + '：'),
        h('pre', { class: 'source-row', id: 'source-row' }, cell.source));
    } else {
      picture.append(h('p', { class: 'muted' }, '没有该单元格的页码，请打开原文件核对 No page known: open the original file'),
        h('a', { href: '/api/v1/reports/' + report.reportId + '/file' }, '下载原文件'));
    }
    const machine = cell ? (cell.raw || (cell.value == null ? '' : String(cell.value))) : '';
    message.textContent = '机器读取值 Machine value：' + (machine || '未读出') + (cell && cell.correction ? '；当前更正值：' + cell.correction.raw : '');
  };
  select.addEventListener('change', showPicture);
  const form = h('form', { class: 'correction-form', id: 'correction-form', onsubmit: async e => {
    e.preventDefault();
    try {
      await sendJson('POST', '/api/v1/reports/' + report.reportId + '/cells/' + encodeURIComponent(select.value) + '/corrections',
        { value: form.elements.value.value, note: form.elements.note.value });
      message.textContent = '已保存，正在重新审查… Saved, validating again';
      onSaved();
    } catch (error) {
      message.textContent = '保存失败 ' + error.message;
    }
  } },
  h('label', {}, '单元格 Cell ', select),
  h('label', {}, '原件上的数值 Value ', h('input', { name: 'value', id: 'correction-value', inputmode: 'decimal', required: true })),
  h('label', {}, '说明 Note ', h('input', { name: 'note', id: 'correction-note', placeholder: '例如：原件第3页为12' })),
  h('button', { type: 'submit', id: 'correction-save', disabled: !canReview() }, '保存更正 Save'),
  canReview() ? null : h('span', { class: 'muted' }, '（审核员登录后可更正）'));
  showPicture();
  return h('div', { class: 'card correction-panel', id: 'correction-panel', 'data-subject': subject }, picture, message, form);
}

function decisionControls(report, finding, onSaved) {
  if (!canReview()) return null;
  const reason = h('input', { class: 'decision-reason', placeholder: '理由或备注 Reason or note' });
  const send = async decision => {
    try {
      await sendJson('POST', '/api/v1/reports/' + report.reportId + '/decisions', { findingKey: finding.key, decision, reason: reason.value });
      onSaved();
    } catch (error) {
      reason.setCustomValidity(error.message);
      reason.reportValidity();
    }
  };
  return h('div', { class: 'decision-controls' }, reason,
    h('button', { type: 'button', class: 'confirm', onclick: () => send('CONFIRMED') }, '确认'),
    h('button', { type: 'button', class: 'dismiss', onclick: () => send('DISMISSED') }, '驳回'),
    h('button', { type: 'button', class: 'secondary note', onclick: () => send('NOTE') }, '备注'));
}

function reviewFindingView(report, finding, onSaved) {
  return h('div', { class: 'finding ' + finding.severity + (finding.inLetter ? '' : ' dismissed'), 'data-review-rule': finding.ruleId, 'data-finding-key': finding.key },
    h('div', {}, badge(finding.severity, SEVERITY_LABELS), ' ', h('strong', {}, finding.ruleId), ' ', finding.ruleTitle ? h('span', { class: 'muted' }, finding.ruleTitle + ' ') : null,
      h('span', { class: 'finding-message' }, finding.message || '')),
    finding.cellLabels && finding.cellLabels.length ? h('ul', { class: 'cell-labels' }, finding.cellLabels.map((label, i) => h('li', {}, label,
      h('span', { class: 'muted' }, ' ' + finding.cells[i])))) : null,
    finding.pages && finding.pages.length ? h('div', {}, '页码：第' + finding.pages.join('、') + '页') : null,
    finding.evidence ? h('blockquote', { class: 'evidence' }, finding.evidence) : null,
    finding.previously ? h('div', { class: 'review-box' }, '上一版本已有此问题：' + (RECTIFICATION_LABELS[finding.previously] || finding.previously)) : null,
    h('div', { class: 'decision', 'data-decision': finding.decision || '' },
      '审核意见：', finding.decision ? (DECISION_LABELS[finding.decision] || finding.decision) + '（' + (finding.decidedBy || '') + ' ' + formatTime(finding.decidedAt) + '）' : '未决定',
      finding.reason ? ' 理由：' + finding.reason : ''),
    (finding.notes || []).length ? h('ul', { class: 'notes' }, finding.notes.map(n => h('li', {}, n.reason + ' — ' + n.by + ' ' + formatTime(n.at)))) : null,
    decisionControls(report, finding, onSaved));
}

async function renderReview(reportId) {
  if (liveSource) { liveSource.close(); liveSource = null; }
  app.replaceChildren(h('p', { class: 'muted' }, '加载中… Loading'));
  await refreshUser();
  const [report, review] = await Promise.all([getJson('/api/v1/reports/' + reportId), getJson('/api/v1/reports/' + reportId + '/review')]);
  const edition = report.identity && report.identity.edition === '2019' ? '2019' : '2021';
  const template = await getJson('/api/v1/template?edition=' + edition);
  const reload = () => renderReview(reportId).catch(showError);
  const validatedAt = report.validation && report.validation.validatedAt;
  const afterCorrection = () => waitForValidation(reportId, validatedAt).then(reload);
  const checks = cellsToCheck(report);
  const panelHolder = h('div', { id: 'correction-holder' });
  const stateSelect = h('select', { id: 'review-state' }, Object.entries(STATE_LABELS).map(([value, label]) =>
    h('option', { value, selected: value === review.state }, label)));

  app.replaceChildren(
    h('p', {}, h('a', { href: '#/report/' + reportId }, '← 返回报告')),
    h('h1', { id: 'review-title' }, '审核 · ', review.agency || report.fileName || reportId, review.year ? ' ' + review.year + '年度' : ''),
    h('div', { class: 'card' },
      h('dl', { class: 'kv' },
        h('dt', {}, '审查结果'), h('dd', { id: 'review-verdict', 'data-verdict': review.verdict || '' }, badge(review.verdict, VERDICT_LABELS)),
        h('dt', {}, '审核状态'), h('dd', {}, h('span', { id: 'review-state-label' }, review.stateLabel), ' ',
          canReview() ? stateSelect : null,
          canReview() ? h('button', { type: 'button', id: 'review-state-save', class: 'secondary', onclick: async () => {
            await sendJson('PUT', '/api/v1/reports/' + reportId + '/review/state', { state: stateSelect.value });
            reload();
          } }, '更新状态') : null),
        h('dt', {}, '审查意见书'), h('dd', {},
          h('a', { href: '/api/v1/reports/' + reportId + '/letter.docx', id: 'letter-docx' }, 'Word (DOCX)'), '　',
          h('a', { href: '/api/v1/reports/' + reportId + '/letter.pdf', id: 'letter-pdf' }, 'PDF'))),
      currentUser.signedIn ? null : h('p', { class: 'review-box' }, '登录为审核员后才能更正单元格、决定审查发现和更新状态。Sign in as a reviewer to make changes.')),
    h('div', { class: 'card', id: 'cells-to-check' }, h('h2', {}, '需要核对的单元格', h('small', {}, 'Cells to check against the page (' + checks.length + ')')),
      checks.length ? h('ul', {}, checks.map(item => h('li', { 'data-check': item.key },
        h('a', { href: '#', onclick: e => { e.preventDefault(); panelHolder.replaceChildren(correctionPanel(report, item.key, template, afterCorrection)); } },
          subjectLabel(item.key, template)), ' — ', item.why))) : h('p', { class: 'muted' }, '无 None'),
      h('p', {}, h('a', { href: '#', id: 'correct-any', onclick: e => {
        e.preventDefault();
        const key = prompt('单元格键 Cell key（例如 t3.new_received.total）');
        if (key) panelHolder.replaceChildren(correctionPanel(report, key.trim(), template, afterCorrection));
      } }, '更正其他单元格 Correct another cell')),
      panelHolder),
    h('div', { class: 'card', id: 'review-findings' }, h('h2', {}, '审查发现与审核意见', h('small', {}, 'Findings and decisions (' + review.findings.length + ')')),
      review.findings.length ? review.findings.map(f => reviewFindingView(report, f, reload)) : h('p', { class: 'muted' }, '未发现问题 No findings')),
    review.previousVersion ? h('div', { class: 'card', id: 'rectification' }, h('h2', {}, '整改跟踪', h('small', {}, 'Against the previous version')),
      h('p', {}, '上一版本：', reportLink(review.previousVersion.reportId)),
      h('ul', {}, review.previousVersion.findings.map(f => h('li', { 'data-rectification': f.status },
        h('strong', {}, RECTIFICATION_LABELS[f.status] || f.status), ' ', f.ruleId, ' ', f.message || '')))) : null,
    h('div', { class: 'card', id: 'correction-history' }, h('h2', {}, '更正记录', h('small', {}, 'History of corrections (' + review.corrections.length + ')')),
      review.corrections.length ? h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, ['单元格', '机器值', '更正值', '说明', '更正人', '时间'].map(t => h('th', {}, t)))),
        h('tbody', {}, review.corrections.map(c => h('tr', { 'data-correction': c.cellKey },
          h('td', {}, subjectLabel(c.cellKey, template)), h('td', {}, c.machineRaw == null ? '未读出' : c.machineRaw),
          h('td', {}, c.raw), h('td', {}, c.note || ''), h('td', {}, c.by), h('td', {}, formatTime(c.at))))))
        : h('p', { class: 'muted' }, '无 None')));
}

/** Waits (up to a minute) until the report has a validation newer than the one shown, i.e. the rules ran again. */
async function waitForValidation(reportId, validatedAt) {
  for (let i = 0; i < 60; i++) {
    await new Promise(resolve => setTimeout(resolve, 1000));
    const report = await getJson('/api/v1/reports/' + reportId).catch(() => null);
    const now = report && report.validation && report.validation.validatedAt;
    if (now && now !== validatedAt) return;
  }
}

addRoute(/^#\/review\/([0-9a-f]{16})$/, match => renderReview(match[1]));
refreshUser();

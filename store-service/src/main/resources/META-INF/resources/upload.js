/*
 * The upload page (#/upload): report files or a zip dropped or chosen, or a list of URLs that ingest fetches. Each
 * file goes in its own request to store's /api/v1/uploads (forwarded to ingest), with its upload progress; each
 * accepted report then shows its verdict as the live stream (/api/v1/events) announces it (a file sent again is
 * submitted again, so its verdict is announced again).
 */
'use strict';

const UPLOAD_ACCEPT = '.pdf,.docx,.doc,.wps,.et,.xls,.xlsx,.html,.htm,.txt,.md,.zip,.png,.jpg,.jpeg,.tif,.tiff';
const UPLOADS_AT_ONCE = 2;
let uploadSource = null;

async function renderUpload() {
  setTitle('上传报告');
  if (liveSource) { liveSource.close(); liveSource = null; }
  const pending = new Map(); // reportId -> the elements waiting for its verdict
  const results = h('ul', { class: 'upload-results', id: 'upload-results' });
  const agency = h('input', { name: 'agency', id: 'upload-agency', placeholder: '可不填，自动识别' });
  const year = h('input', { name: 'year', id: 'upload-year', type: 'number', min: 2000, max: 2100, placeholder: '可不填' });
  const input = h('input', { type: 'file', id: 'upload-input', multiple: 'multiple', accept: UPLOAD_ACCEPT,
    onchange: () => { enqueue([...input.files]); input.value = ''; } });
  const zone = h('div', { class: 'drop-zone', id: 'drop-zone' },
    h('p', {}, h('strong', {}, '将报告文件或 zip 压缩包拖到这里'), h('br'), h('span', { class: 'muted' }, 'Drop report files or a zip here, or choose them:')),
    h('label', { class: 'file-pick' }, '选择文件 Choose files ', input),
    h('p', { class: 'muted' }, '支持 PDF、Word（DOCX/DOC/WPS）、表格（ET/XLS/XLSX）、HTML、TXT、Markdown、图片扫描件和 zip 批量包。'));
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('dragging');
    enqueue([...(e.dataTransfer ? e.dataTransfer.files : [])]);
  });
  const urls = h('textarea', { id: 'upload-urls', rows: 4, placeholder: 'https://www.example.gov.cn/2023年度报告.pdf\n每行一个网址 One URL per line' });
  const urlStatus = h('p', { class: 'muted', id: 'upload-urls-status' });
  const urlForm = h('form', { id: 'upload-url-form', onsubmit: e => { e.preventDefault(); submitUrls(); } },
    urls, h('p', {}, h('button', { type: 'submit', id: 'upload-urls-submit' }, '由服务器抓取 Fetch')), urlStatus);
  const liveStatus = h('p', { class: 'muted', id: 'upload-live-status' }, '连接实时审查结果中…');

  app.replaceChildren(
    h('h1', {}, '上传报告', h('small', {}, 'Upload')),
    h('div', { class: 'grid two' },
      h('div', { class: 'card' }, h('h2', {}, '上传文件', h('small', {}, 'Files')), zone,
        h('div', { class: 'upload-fields' }, h('label', {}, '机关名称（可选）', agency), h('label', {}, '年度（可选）', year))),
      h('div', { class: 'card' }, h('h2', {}, '按网址提交', h('small', {}, 'URLs')),
        h('p', { class: 'muted' }, '服务器只抓取公网地址，并检查大小、时间和文件类型。'), urlForm)),
    h('div', { class: 'card' }, h('h2', {}, '上传进度和审查结果', h('small', {}, 'Progress and verdicts')), liveStatus, results));

  connect();

  function connect() {
    if (uploadSource) uploadSource.close();
    uploadSource = new EventSource('/api/v1/events');
    uploadSource.onopen = () => { liveStatus.textContent = '已连接，审查结果将实时显示 Connected'; };
    uploadSource.onerror = () => { liveStatus.textContent = '连接中断，正在重连… Reconnecting'; };
    uploadSource.onmessage = message => {
      let event;
      try { event = JSON.parse(message.data); } catch (e) { return; }
      if (event.reportId && pending.has(event.reportId)) settle(event.reportId, event);
    };
  }

  const queue = [];
  let running = 0;
  function enqueue(files) {
    for (const file of files) queue.push(file);
    while (running < UPLOADS_AT_ONCE && queue.length) next();
  }
  function next() {
    const file = queue.shift();
    if (!file) return;
    running++;
    uploadFile(file).finally(() => { running--; next(); });
  }

  function uploadFile(file) {
    const progress = h('progress', { max: 1, value: 0 });
    const state = h('span', { class: 'upload-state' }, '上传中… 0%');
    const reports = h('ul', { class: 'upload-reports' });
    const row = h('li', { class: 'upload-row', 'data-upload': file.name },
      h('div', { class: 'upload-head' }, h('strong', { class: 'upload-name' }, file.name),
        h('span', { class: 'muted' }, ' ' + sizeText(file.size)), progress, state), reports);
    results.insertBefore(row, results.firstChild);
    const form = new FormData();
    form.append('file', file, file.name);
    if (agency.value.trim()) form.append('agency', agency.value.trim());
    if (year.value.trim()) form.append('year', year.value.trim());
    return new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/v1/uploads');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = e => {
        if (!e.lengthComputable) return;
        progress.value = e.loaded / e.total;
        state.textContent = '上传中… ' + Math.floor(100 * e.loaded / e.total) + '%';
      };
      xhr.onload = () => {
        progress.value = 1;
        answered(xhr.status, xhr.responseText, row, state, reports);
        resolve();
      };
      xhr.onerror = () => {
        row.classList.add('refused');
        state.textContent = '网络错误，未上传 Network error';
        resolve();
      };
      xhr.send(form);
    });
  }

  async function submitUrls() {
    const list = urls.value.split(/\s+/).map(u => u.trim()).filter(Boolean);
    if (!list.length) { urlStatus.textContent = '请至少填写一个网址'; return; }
    const state = h('span', { class: 'upload-state' }, '服务器抓取中…');
    const reports = h('ul', { class: 'upload-reports' });
    const row = h('li', { class: 'upload-row', 'data-upload': list.join(' ') },
      h('div', { class: 'upload-head' }, h('strong', { class: 'upload-name' }, list.length === 1 ? list[0] : list.length + ' 个网址'), state), reports);
    results.insertBefore(row, results.firstChild);
    urlStatus.textContent = '';
    const body = { urls: list };
    if (agency.value.trim()) body.agency = agency.value.trim();
    if (year.value.trim()) body.year = year.value.trim();
    try {
      const response = await fetch('/api/v1/uploads/urls', { method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
      answered(response.status, await response.text(), row, state, reports);
      if (response.ok) urls.value = '';
    } catch (e) {
      row.classList.add('refused');
      state.textContent = '网络错误 Network error';
    }
  }

  function answered(status, text, row, state, reports) {
    let body = null;
    try { body = JSON.parse(text); } catch (e) { /* not JSON */ }
    if (status === 202 && body && Array.isArray(body.reports)) {
      row.classList.add('accepted');
      state.textContent = '已接收 ' + body.reports.length + ' 份，等待审查结果…';
      for (const accepted of body.reports) {
        const verdict = h('span', { class: 'upload-verdict', 'data-verdict-for': accepted.reportId }, h('span', { class: 'muted' }, '审查中…'));
        reports.appendChild(h('li', { 'data-report-id': accepted.reportId },
          reportLink(accepted.reportId, accepted.fileName || accepted.reportId), ' ', verdict));
        const waiting = pending.get(accepted.reportId) || [];
        waiting.push(verdict);
        pending.set(accepted.reportId, waiting);
      }
      return;
    }
    row.classList.add('refused');
    const error = body && body.error ? body.error : null;
    state.replaceChildren(h('span', { class: 'error-box' }, '未接收 Refused：',
      error ? h('code', { 'data-error-code': error.code }, error.code) : 'HTTP ' + status, error ? ' ' + error.message : '',
      status === 401 || status === 403 ? h('span', { class: 'sign-in-hint' }, ' 上传需要以提交人或管理员身份登录（右上角“登录”）。') : null));
  }

  function settle(reportId, event) {
    for (const el of pending.get(reportId) || []) {
      if (event.type === 'validated') {
        el.replaceChildren(badge(event.verdict, VERDICT_LABELS),
          event.errors != null ? h('span', { class: 'muted' }, ' 错误 ' + event.errors + ' · 警告 ' + (event.warnings || 0)) : null);
      } else if (event.type === 'failed') {
        el.replaceChildren(badge('FAILED', STATUS_LABELS), h('span', { class: 'muted' }, ' ' + (event.stage || '') + ' ' + (event.reason || '')));
      }
    }
    pending.delete(reportId);
  }
}

function sizeText(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(0) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

window.addEventListener('hashchange', () => {
  if (uploadSource && !(location.hash || '').startsWith('#/upload')) { uploadSource.close(); uploadSource = null; }
});

addRoute(/^#\/upload(?:\?.*)?$/, renderUpload);

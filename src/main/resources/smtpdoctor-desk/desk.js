// The support desk page: plain JavaScript, no build step. It talks only to this server's /api.
'use strict';

const LABELS = {
  en: {language: 'Language', paste: 'Paste the error text or the whole stack trace', diagnose: 'Diagnose',
    happened: 'What happened', steps: 'What to do', actor: 'Who acts', retry: 'Retry', stage: 'SMTP stage',
    code: 'Code', why: 'Why this answer', layer: 'Layer', category: 'Category', rule: 'Rule or code table',
    decided: 'Decided', teachOpen: 'Teach: this answer is wrong or unknown', teach: 'Teach this reply',
    teachHelp: 'The rule will recognise replies worded like this; the parts in braces vary.',
    wording: 'Wording', chooseCategory: 'Category (search titles in either language)', token: 'Edit token',
    save: 'Save the rule', saved: 'Saved. The reply is now diagnosed as', conflict: 'Someone changed the rules meanwhile: diagnose again, then teach.',
    decidedBy: 'Decided by', none: '—', yes: 'yes', version: 'rules',
    logTitle: 'A log', logFile: 'Upload a log file (one error a line, or a Postfix or Exim log)', logFormat: 'Format',
    logRun: 'Run', byFamily: 'By family', byCategory: 'By category', unknownTemplates: 'Replies not recognised',
    template: 'Template', records: 'records', teachThis: 'Teach',
    likely: 'Likeliest categories (by similarity to the sample cases):', closest: 'closest sample',
    check: 'Check before saving', checking: 'Checking…', wouldWrite: 'Saving would write', noSampleChanges: 'No sample case would change its category.',
    sampleChanges: 'These sample cases would change their category:', noLint: 'Lint finds no new problem.', lintProblems: 'New lint problems:',
    wouldDiagnose: 'The reply would be diagnosed as'},
  ru: {language: 'Язык', paste: 'Вставьте текст ошибки или весь стек вызовов', diagnose: 'Диагностировать',
    happened: 'Что произошло', steps: 'Что делать', actor: 'Кто действует', retry: 'Повтор', stage: 'Этап SMTP',
    code: 'Код', why: 'Почему такой ответ', layer: 'Слой', category: 'Категория', rule: 'Правило или таблица кодов',
    decided: 'Решило', teachOpen: 'Обучить: ответ неверный или неизвестный', teach: 'Обучить этому ответу',
    teachHelp: 'Правило будет узнавать ответы с такой формулировкой; части в фигурных скобках меняются.',
    wording: 'Формулировка', chooseCategory: 'Категория (поиск по названиям на любом языке)', token: 'Токен для правок',
    save: 'Сохранить правило', saved: 'Сохранено. Теперь ответ диагностируется как', conflict: 'Правила изменились, пока вы работали: диагностируйте снова, затем обучите.',
    decidedBy: 'Решило', none: '—', yes: 'да', version: 'правила',
    logTitle: 'Журнал', logFile: 'Загрузите файл журнала (по ошибке в строке, или журнал Postfix или Exim)', logFormat: 'Формат',
    logRun: 'Обработать', byFamily: 'По семействам', byCategory: 'По категориям', unknownTemplates: 'Нераспознанные ответы',
    template: 'Шаблон', records: 'записей', teachThis: 'Обучить',
    likely: 'Вероятные категории (по сходству с образцами):', closest: 'ближайший образец',
    check: 'Проверить до сохранения', checking: 'Проверяю…', wouldWrite: 'Сохранение запишет', noSampleChanges: 'Ни один образец не сменит категорию.',
    sampleChanges: 'Эти образцы сменят категорию:', noLint: 'Lint не находит новых проблем.', lintProblems: 'Новые проблемы lint:',
    wouldDiagnose: 'Ответ будет диагностирован как'}
};
const $ = (id) => document.getElementById(id);
let last = null;        // the last record shown
let categories = [];    // from /api/categories
let asked = 0;          // the latest diagnose request: an older answer arriving late is not shown

function lang() { return $('lang').value; }
function t(key) { return (LABELS[lang()] || LABELS.en)[key] || key; }

function relabel() {
  document.documentElement.lang = lang();
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.querySelectorAll('button.teachUnknown').forEach((el) => { el.textContent = t('teachThis'); });
  fillCategories();
}

async function api(path, body, headers) {
  const response = await fetch(path, {method: 'POST', headers: Object.assign({'content-type': 'application/json'}, headers || {}),
    body: JSON.stringify(body)});
  const json = await response.json().catch(() => ({title: response.statusText}));
  if (!response.ok) {
    const error = new Error((json.title || 'Error') + (json.detail ? ': ' + json.detail : ''));
    error.status = response.status;
    throw error;
  }
  return json;
}

function text(id, value) { $(id).textContent = value == null || value === '' ? t('none') : value; }

function list(id, items, link) {
  const el = $(id);
  el.replaceChildren();
  (items || []).forEach((item) => {
    const li = document.createElement('li');
    if (link) {
      const a = document.createElement('a');
      a.href = item; a.textContent = item; a.rel = 'noopener noreferrer'; a.target = '_blank';
      li.append(a);
    } else {
      li.textContent = item;
    }
    el.append(li);
  });
}

function show(record) {
  last = record;
  $('result').hidden = false;
  text('title', record.title);
  text('category', record.category);
  text('explanation', record.explanation);
  list('remedy', record.remedy);
  text('actor', record.actor);
  text('retry', record.retry);
  text('stage', record.stage);
  text('code', [record.code, record.enhancedCode].filter((x) => x != null).join(' ') +
    (record.codeMeaning ? ' — ' + record.codeMeaning : ''));
  list('links', record.links, true);
  const rule = record.rule;
  $('decided').textContent = t('decidedBy') + ': ' + record.basis + (rule ? ' — ' + rule.file + ':' + rule.line + ' ' + rule.name : '');
  const body = $('matches').querySelector('tbody');
  body.replaceChildren();
  const trace = record.trace || {matches: []};
  trace.matches.forEach((m) => {
    const tr = document.createElement('tr');
    if (m.decided) tr.className = 'decided';
    [m.layer, m.category, m.rule ? m.rule.file + ':' + m.rule.line : '', m.decided ? t('yes') : ''].forEach((v) => {
      const td = document.createElement('td'); td.textContent = v; tr.append(td);
    });
    body.append(tr);
  });
  $('whytext').textContent = trace.why || '';
  $('version').textContent = t('version') + ' ' + (record.ruleSetVersion || '').slice(0, 12);
}

async function diagnose() {
  const value = $('text').value;
  if (!value.trim()) return;
  const mine = ++asked;
  $('error').hidden = true;
  $('busy').hidden = false;
  try {
    const record = await api('/api/diagnose', {text: value, lang: lang(), explain: true});
    if (mine !== asked) return;
    show(record);
    if (last.category.startsWith('unknown.')) openTeach(); else $('teach').hidden = true;
  } catch (e) {
    if (mine !== asked) return;
    $('error').textContent = e.message;
    $('error').hidden = false;
  } finally {
    if (mine === asked) {
      $('busy').hidden = true;
      document.body.dataset.answered = String(mine); // for tests and scripts: which request the page shows
    }
  }
}

function fillCategories() {
  const options = $('categoryList');
  options.replaceChildren();
  categories.filter((c) => c.family !== 'unknown').forEach((c) => {
    const o = document.createElement('option');
    o.value = c.id;
    o.label = (c.title[lang()] || '') + ' / ' + Object.entries(c.title).filter(([l]) => l !== lang()).map(([, v]) => v).join(' / ');
    options.append(o);
  });
}

async function openTeach() {
  if (!last) return;
  $('teach').hidden = false;
  $('teachResult').textContent = '';
  try {
    const proposal = await api('/api/rules/proposal', {text: last.input});
    $('wording').value = proposal.wording;
    const list = $('suggestions');
    list.replaceChildren();
    (proposal.suggestions || []).forEach((s) => {
      const li = document.createElement('li');
      const pick = document.createElement('button');
      pick.type = 'button'; pick.className = 'suggestion'; pick.textContent = s.category;
      pick.addEventListener('click', () => { $('categorySearch').value = s.category; });
      const about = document.createElement('span');
      about.textContent = ' ' + ((s.title && s.title[lang()]) || '') + ' (' + Math.round(s.score * 100) + '%) — '
        + t('closest') + ': ' + s.closestSample;
      li.append(pick, about);
      list.append(li);
    });
  } catch (e) {
    $('teachResult').textContent = e.message;
  }
}

function line(parent, text, tag) {
  const el = document.createElement(tag || 'p');
  el.textContent = text;
  parent.append(el);
  return el;
}

async function check() {
  const out = $('checkResult');
  out.replaceChildren();
  $('teachResult').textContent = '';
  line(out, t('checking'));
  try {
    const p = await api('/api/rules/preview', {text: last.input, category: $('categorySearch').value.trim()},
      {'Authorization': 'Bearer ' + $('token').value, 'X-Smtp-Doctor': 'teach'});
    out.replaceChildren();
    line(out, t('wouldDiagnose') + ' ' + p.diagnosedAs + '.');
    line(out, t('wouldWrite') + ': ' + p.files.map((f) => f.file).join(', '));
    if (p.changedSamples.length === 0) {
      line(out, t('noSampleChanges'));
    } else {
      line(out, t('sampleChanges'));
      const ul = line(out, '', 'ul');
      p.changedSamples.forEach((c) => line(ul, c.sample + ': ' + c.now + ' → ' + c.after + ' — ' + c.text, 'li'));
    }
    if (p.lint.length === 0) {
      line(out, t('noLint'));
    } else {
      line(out, t('lintProblems'));
      const ul = line(out, '', 'ul');
      p.lint.forEach((l) => line(ul, l.severity + ' ' + l.where + ': ' + l.message, 'li'));
    }
  } catch (e) {
    out.replaceChildren();
    line(out, e.message).className = 'bad';
  }
}

async function save() {
  const result = $('teachResult');
  result.className = '';
  try {
    const saved = await api('/api/rules', {text: last.input, category: $('categorySearch').value.trim(),
      ruleSetVersion: last.ruleSetVersion}, {'Authorization': 'Bearer ' + $('token').value, 'X-Smtp-Doctor': 'teach'});
    result.className = 'ok';
    result.textContent = t('saved') + ' ' + saved.diagnosedAs + ' (' + saved.changes.map((c) => c.file).join(', ') + ')';
    last.ruleSetVersion = saved.ruleSetVersion;
  } catch (e) {
    result.className = 'bad';
    result.textContent = e.status === 409 ? t('conflict') + ' ' + e.message : e.message;
  }
}

function bars(id, counts) {
  const el = $(id);
  el.replaceChildren();
  const entries = Object.entries(counts || {}).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  entries.forEach(([name, n]) => {
    const row = document.createElement('div'); row.className = 'bar';
    const label = document.createElement('span'); label.textContent = name;
    const track = document.createElement('div');
    const fill = document.createElement('div'); fill.className = 'fill'; fill.style.width = (100 * n / max) + '%';
    track.append(fill);
    const count = document.createElement('span'); count.textContent = n;
    row.append(label, track, count);
    el.append(row);
  });
}

// The log goes to /api/batch as it is; the answer streams one record a line, the summary last. Only the
// summary is kept, so a large log does not fill the page's memory.
async function runLog() {
  const file = $('logFile').files[0];
  if (!file) return;
  $('error').hidden = true;
  const response = await fetch('/api/batch?lang=' + lang() + '&input-format=' + $('logFormat').value,
    {method: 'POST', headers: {'content-type': 'text/plain'}, body: file});
  if (!response.ok) {
    const problem = await response.json().catch(() => ({title: response.statusText}));
    $('error').textContent = problem.title + (problem.detail ? ': ' + problem.detail : '');
    $('error').hidden = false;
    return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let tail = '';
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    tail = (tail + decoder.decode(value, {stream: true}));
    tail = tail.slice(tail.lastIndexOf('\n', tail.length - 2) + 1); // keep the last (possibly partial) line only
  }
  const summary = JSON.parse(tail.trim()).summary;
  $('logSummary').hidden = false;
  $('logCounts').textContent = summary.records + ' ' + t('records');
  bars('families', summary.families);
  bars('categoriesChart', summary.categories);
  const body = $('unknownTable').querySelector('tbody');
  body.replaceChildren();
  (summary.topUnknownTemplates || []).forEach((u) => {
    const tr = document.createElement('tr');
    const count = document.createElement('td'); count.textContent = u.count;
    const template = document.createElement('td'); template.textContent = u.template;
    const action = document.createElement('td');
    const button = document.createElement('button'); button.type = 'button'; button.textContent = t('teachThis');
    button.className = 'teachUnknown';
    button.addEventListener('click', () => { $('text').value = u.example; diagnose(); window.scrollTo(0, 0); });
    action.append(button);
    tr.append(count, template, action);
    body.append(tr);
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  const saved = localStorage.getItem('smtpdoctor.lang');
  if (saved) $('lang').value = saved;
  $('lang').addEventListener('change', () => {
    localStorage.setItem('smtpdoctor.lang', lang());
    relabel();
    if (last) diagnose();
  });
  $('diagnose').addEventListener('click', diagnose);
  $('text').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) diagnose(); });
  $('teachOpen').addEventListener('click', openTeach);
  $('save').addEventListener('click', save);
  $('check').addEventListener('click', check);
  $('logRun').addEventListener('click', runLog);
  try {
    const response = await fetch('/api/categories');
    categories = (await response.json()).categories;
  } catch (e) { /* the page still diagnoses */ }
  relabel();
});

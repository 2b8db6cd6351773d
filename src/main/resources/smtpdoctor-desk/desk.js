// The support desk page: plain JavaScript, no build step. It talks only to this server's /api.
'use strict';

const LABELS = {
  en: {language: 'Language', paste: 'Paste the error text or the whole stack trace', diagnose: 'Diagnose',
    happened: 'What happened', steps: 'What to do', actor: 'Who acts', retry: 'Retry', stage: 'SMTP stage',
    code: 'Code', why: 'Why this answer', layer: 'Layer', category: 'Category', rule: 'Rule or code table',
    decided: 'Decided', teachOpen: 'Teach: this answer is wrong or unknown', teach: 'Teach this reply',
    teachHelp: 'The rule will recognise replies worded like this; the parts in braces vary.',
    wording: 'Wording', token: 'Edit token',
    save: 'Save the rule', saved: 'Saved. The reply is now diagnosed as', conflict: 'Someone changed the rules meanwhile: diagnose again, then teach.',
    decidedBy: 'Decided by', none: '—', yes: 'yes', version: 'rules',
    logTitle: 'A log', logFile: 'Upload a log file (one error a line, or a Postfix or Exim log)', logFormat: 'Format',
    logRun: 'Run', byFamily: 'By family', byCategory: 'By category', unknownTemplates: 'Replies not recognised',
    template: 'Template', records: 'records', teachThis: 'Teach',
    likely: 'Likeliest categories (by similarity to the sample cases):', closest: 'closest sample',
    check: 'Check before saving', checking: 'Checking…', wouldWrite: 'Saving would write', noSampleChanges: 'No sample case would change its category.',
    sampleChanges: 'These sample cases would change their category:', noLint: 'Lint finds no new problem.', lintProblems: 'New lint problems:',
    wouldDiagnose: 'The reply would be diagnosed as',
    wordingHelp: 'Keep the words of the reply; {number}, {host}, {address}, {ip}, {id}, {url} stand for parts that vary, {...} for some words.',
    wordingOk: 'The wording fits the reply; its placeholders stand for:', newCategoryIs: '{id} is a new category',
    newCategoryHelp: 'Write its advice in both languages; it is saved with the rule.', ncTitle: 'Title',
    ncSteps: 'Steps, one a line', chooseCategory: 'Category: its id, or search titles in either language'},
  ru: {language: 'Язык', paste: 'Вставьте текст ошибки или весь стек вызовов', diagnose: 'Диагностировать',
    happened: 'Что произошло', steps: 'Что делать', actor: 'Кто действует', retry: 'Повтор', stage: 'Этап SMTP',
    code: 'Код', why: 'Почему такой ответ', layer: 'Слой', category: 'Категория', rule: 'Правило или таблица кодов',
    decided: 'Решило', teachOpen: 'Обучить: ответ неверный или неизвестный', teach: 'Обучить этому ответу',
    teachHelp: 'Правило будет узнавать ответы с такой формулировкой; части в фигурных скобках меняются.',
    wording: 'Формулировка', token: 'Токен для правок',
    save: 'Сохранить правило', saved: 'Сохранено. Теперь ответ диагностируется как', conflict: 'Правила изменились, пока вы работали: диагностируйте снова, затем обучите.',
    decidedBy: 'Решило', none: '—', yes: 'да', version: 'правила',
    logTitle: 'Журнал', logFile: 'Загрузите файл журнала (по ошибке в строке, или журнал Postfix или Exim)', logFormat: 'Формат',
    logRun: 'Обработать', byFamily: 'По семействам', byCategory: 'По категориям', unknownTemplates: 'Нераспознанные ответы',
    template: 'Шаблон', records: 'записей', teachThis: 'Обучить',
    likely: 'Вероятные категории (по сходству с образцами):', closest: 'ближайший образец',
    check: 'Проверить до сохранения', checking: 'Проверяю…', wouldWrite: 'Сохранение запишет', noSampleChanges: 'Ни один образец не сменит категорию.',
    sampleChanges: 'Эти образцы сменят категорию:', noLint: 'Lint не находит новых проблем.', lintProblems: 'Новые проблемы lint:',
    wouldDiagnose: 'Ответ будет диагностирован как',
    wordingHelp: 'Оставьте слова ответа; {number}, {host}, {address}, {ip}, {id}, {url} заменяют меняющиеся части, {...} — несколько слов.',
    wordingOk: 'Формулировка подходит к ответу; её заполнители означают:', newCategoryIs: '{id} — новая категория',
    newCategoryHelp: 'Напишите её советы на обоих языках; они сохранятся вместе с правилом.', ncTitle: 'Заголовок',
    ncSteps: 'Шаги, по одному в строке', chooseCategory: 'Категория: её идентификатор или поиск по названиям на любом языке'}
};
const $ = (id) => document.getElementById(id);
let last = null;        // the last record shown
let categories = [];    // from /api/categories
let asked = 0;          // the latest diagnose request: an older answer arriving late is not shown
let wordingAsked = 0;   // the same for the wording check and the preview
let previewAsked = 0;
let pending = null;     // the debounce timer of the wording and category fields

function lang() { return $('lang').value; }
function t(key) { return (LABELS[lang()] || LABELS.en)[key] || key; }

function relabel() {
  document.documentElement.lang = lang();
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.querySelectorAll('button.teachUnknown').forEach((el) => { el.textContent = t('teachThis'); });
  searchCategories();
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

// ---- Teach: the wording (edited from the proposal), the category (suggested, searched, or new), the check

function known(id) { return categories.some((c) => c.id === id); }
function isNewCategory(id) { return /^[a-z]+\.[a-z]+(-[a-z]+)*$/.test(id) && !id.startsWith('unknown.') && !known(id); }
function chosenCategory() { return $('categorySearch').value.trim(); }

function titleLine(c) {
  const mine = c.title[lang()] || '';
  const others = Object.entries(c.title).filter(([l]) => l !== lang()).map(([, v]) => v);
  return [mine, ...others].filter(Boolean).join(' / ');
}

function pickCategory(id) {
  $('categorySearch').value = id;
  searchCategories();
  soon(() => { if (canCheck()) check(); });
}

// Matches of the search field among ids and titles in every language; a well-formed id no category has opens
// the form for a new category.
function searchCategories() {
  const typed = chosenCategory();
  const query = typed.toLowerCase();
  const out = $('categoryMatches');
  out.replaceChildren();
  $('newCategory').hidden = !isNewCategory(typed);
  $('newCategoryLegend').textContent = t('newCategoryIs').replace('{id}', typed);
  if (!query || known(typed)) return;
  categories.filter((c) => c.family !== 'unknown' && (c.id.includes(query)
      || Object.values(c.title).some((v) => v.toLowerCase().includes(query)))).slice(0, 8).forEach((c) => {
    const li = document.createElement('li');
    const pick = document.createElement('button');
    pick.type = 'button'; pick.className = 'pick'; pick.textContent = c.id;
    pick.addEventListener('click', () => pickCategory(c.id));
    const about = document.createElement('span');
    about.textContent = ' ' + titleLine(c);
    li.append(pick, about);
    out.append(li);
  });
}

function advice(language) {
  return {title: $('nc-' + language + '-title').value, explanation: $('nc-' + language + '-explanation').value,
    remedy: $('nc-' + language + '-remedy').value.split('\n').map((step) => step.trim()).filter(Boolean)};
}

// What a check or a save sends: the reply, the category, the wording as shown, and a new category's advice.
function teachBody() {
  const body = {text: last.input, category: chosenCategory(), wording: $('wording').value};
  if (isNewCategory(body.category)) {
    body.newCategory = {actor: $('nc-actor').value, retry: $('nc-retry').value, en: advice('en'), ru: advice('ru')};
  }
  return body;
}

function soon(action) {
  clearTimeout(pending);
  pending = setTimeout(action, 600);
}

function canCheck() { return last && $('token').value && chosenCategory() && !$('teach').hidden; }

// The wording as staff type it: checked against the reply at once (no token needed), then previewed when the
// token and the category are there.
async function checkWording() {
  const mine = ++wordingAsked;
  const status = $('wordingStatus');
  try {
    const fit = await api('/api/rules/wording', {text: last.input, wording: $('wording').value});
    if (mine !== wordingAsked) return;
    status.className = 'ok';
    status.textContent = t('wordingOk') + ' ' + (fit.placeholders.map((p) => '{' + p.name + '} = ' + p.value).join(', ') || t('none'));
    if (canCheck()) check();
  } catch (e) {
    if (mine !== wordingAsked) return;
    status.className = 'bad';
    status.textContent = e.message;
  }
}

async function openTeach() {
  if (!last) return;
  $('teach').hidden = false;
  $('teachResult').textContent = '';
  $('wordingStatus').textContent = '';
  $('checkResult').replaceChildren();
  try {
    const proposal = await api('/api/rules/proposal', {text: last.input});
    $('wording').value = proposal.wording;
    const list = $('suggestions');
    list.replaceChildren();
    (proposal.suggestions || []).forEach((s) => {
      const li = document.createElement('li');
      const pick = document.createElement('button');
      pick.type = 'button'; pick.className = 'suggestion'; pick.textContent = s.category;
      pick.addEventListener('click', () => pickCategory(s.category));
      const about = document.createElement('span');
      about.textContent = ' ' + ((s.title && s.title[lang()]) || '') + ' (' + Math.round(s.score * 100) + '%)';
      li.append(pick, about);
      s.closestSamples.forEach((text) => {
        const closest = document.createElement('q');
        closest.textContent = text;
        const sample = document.createElement('div');
        sample.className = 'muted closest';
        sample.append(t('closest') + ': ', closest);
        li.append(sample);
      });
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

// One preview at a time (the server runs one, and answers 429 to a second): asked while one runs, the check runs
// again once it is done, with the fields as they are then.
let previewing = null;  // what the running preview was asked with
let previewAgain = false;

async function check() {
  if (!last) return;
  const asked = JSON.stringify(teachBody()) + $('token').value;
  if (previewing !== null) {
    previewAgain = previewAgain || asked !== previewing; // the same question is already being answered
    return;
  }
  previewing = asked;
  try {
    await preview();
  } finally {
    previewing = null;
  }
  if (previewAgain) {
    previewAgain = false;
    check();
  }
}

async function preview() {
  const mine = ++previewAsked;
  const out = $('checkResult');
  out.replaceChildren();
  line(out, t('checking'));
  try {
    const p = await api('/api/rules/preview', teachBody(),
      {'Authorization': 'Bearer ' + $('token').value, 'X-Smtp-Doctor': 'teach'});
    if (mine !== previewAsked) return;
    out.replaceChildren();
    if ($('teachResult').className === 'bad') $('teachResult').textContent = ''; // a refusal this check supersedes
    line(out, t('wouldDiagnose') + ' ' + p.diagnosedAs + ' — ' + t('wording') + ': ' + p.wording);
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
    out.dataset.checked = String(mine);
  } catch (e) {
    if (mine !== previewAsked) return;
    out.replaceChildren();
    line(out, e.message).className = 'bad';
  }
}

async function loadCategories() {
  try {
    const response = await fetch('/api/categories');
    categories = (await response.json()).categories;
  } catch (e) { /* the page still diagnoses */ }
}

async function save() {
  const result = $('teachResult');
  result.className = '';
  try {
    const saved = await api('/api/rules', Object.assign(teachBody(), {ruleSetVersion: last.ruleSetVersion}),
      {'Authorization': 'Bearer ' + $('token').value, 'X-Smtp-Doctor': 'teach'});
    result.className = 'ok';
    result.textContent = t('saved') + ' ' + saved.diagnosedAs + ' (' + saved.changes.map((c) => c.file).join(', ') + ')';
    last.ruleSetVersion = saved.ruleSetVersion;
    if (saved.newCategory) {
      await loadCategories();
      searchCategories();
    }
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
  $('wording').addEventListener('input', () => soon(checkWording));
  $('categorySearch').addEventListener('input', () => { searchCategories(); soon(() => { if (canCheck()) check(); }); });
  $('logRun').addEventListener('click', runLog);
  await loadCategories();
  relabel();
});

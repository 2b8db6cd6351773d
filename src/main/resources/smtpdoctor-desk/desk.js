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
    decidedBy: 'Decided by', none: '—', yes: 'yes', version: 'rules'},
  ru: {language: 'Язык', paste: 'Вставьте текст ошибки или весь стек вызовов', diagnose: 'Диагностировать',
    happened: 'Что произошло', steps: 'Что делать', actor: 'Кто действует', retry: 'Повтор', stage: 'Этап SMTP',
    code: 'Код', why: 'Почему такой ответ', layer: 'Слой', category: 'Категория', rule: 'Правило или таблица кодов',
    decided: 'Решило', teachOpen: 'Обучить: ответ неверный или неизвестный', teach: 'Обучить этому ответу',
    teachHelp: 'Правило будет узнавать ответы с такой формулировкой; части в фигурных скобках меняются.',
    wording: 'Формулировка', chooseCategory: 'Категория (поиск по названиям на любом языке)', token: 'Токен для правок',
    save: 'Сохранить правило', saved: 'Сохранено. Теперь ответ диагностируется как', conflict: 'Правила изменились, пока вы работали: диагностируйте снова, затем обучите.',
    decidedBy: 'Решило', none: '—', yes: 'да', version: 'правила'}
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
  } catch (e) {
    $('teachResult').textContent = e.message;
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
  try {
    const response = await fetch('/api/categories');
    categories = (await response.json()).categories;
  } catch (e) { /* the page still diagnoses */ }
  relabel();
});

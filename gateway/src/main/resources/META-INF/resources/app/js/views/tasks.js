// The liaison's and leader's tasks, red first; a task's detail, timeline and evidence; and the actions
// on it, each through the outbox so that it works the same with or without a network.
import { get, Offline } from '../api.js';
import { accessToken, hasRole, user } from '../auth.js';
import { html, show } from '../html.js';
import { t, when } from '../i18n.js';
import * as outbox from '../outbox.js';
import * as store from '../store.js';
import { syncedAt, syncTasks } from '../sync.js';

const ORDER = { RED: 0, YELLOW: 1, GREEN: 2 };
const OPEN = ['ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'REJECTED'];

export function days(deadline) {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  const n = Math.round((new Date(`${deadline}T00:00:00`) - new Date(today.toDateString())) / 86400000);
  return n < 0 ? t('daysOver', { n: -n }) : t('daysLeft', { n });
}

export const warning = task => task.warning ? html`<span class="badge warn-${task.warning}">${t(task.warning)}</span>` : '';

export const taskCard = task => html`
  <li><a class="card task warn-${task.warning}" href="#/task/${task.id}" data-id="${task.id}">
    <div class="row">${warning(task)}<span class="badge">${t(task.state)}</span><span class="grow"></span>
      <span class="muted">${t('deadline')} ${task.deadline} · ${days(task.deadline)}</span></div>
    <div>${task.title}</div><div class="muted">${task.unit?.name}</div></a></li>`;

/** The copy on the phone at once, then what changed since, drawn in place when the network answers. */
export async function tasks(view) {
  const draw = async () => {
    const synced = await syncedAt('tasks/changes');
    const open = (await store.all('tasks')).filter(task => OPEN.includes(task.state))
      .sort((a, b) => ORDER[a.warning] - ORDER[b.warning] || a.deadline.localeCompare(b.deadline));
    show(view, html`<h2>${t('myTasks')}</h2><p class="muted" id="synced">${synced ? t('syncedAt', { t: when(synced) }) : t('notSynced')}</p>
      ${open.length ? html`<ul class="list" id="tasks">${open.map(taskCard)}</ul>` : html`<p>${t('noTasks')}</p>`}`);
  };
  const sync = syncTasks().catch(e => {
    if (!(e instanceof Offline)) throw e;
  });
  if (await syncedAt('tasks/changes')) {
    await draw();
    sync.then(draw, () => undefined);
  } else {
    await sync;
    await draw();
  }
}

const evidenceList = task => task.evidence?.length ? html`<div class="photos" id="evidence">${task.evidence.map(e => html`
  <figure class="evidence" data-file="${e.file.id}"><img alt="${e.file.name}" data-file="${e.file.id}">
    <figcaption>${e.file.name}<br>${e.file.capture?.takenAt ? html`${t('takenAt')} ${when(e.file.capture.takenAt)}` : t('noCapture')}
    ${e.file.capture?.latitude != null ? html`<br>${t('place')} ${e.file.capture.latitude.toFixed(4)}, ${e.file.capture.longitude.toFixed(4)}` : ''}
    ${e.predatesTask ? html`<br><strong class="warn-RED predates">⚠ ${t('predates')}</strong>` : ''}</figcaption></figure>`)}</div>`
  : html`<p class="muted">—</p>`;

function actions(task, waiting) {
  // the unit's own people work its tasks; a township's liaison reads its villages' tasks but does not do them
  const worker = hasRole('unit-liaison', 'unit-leader') && task.unit?.code === user().unitCode;
  const reviewer = hasRole('inspector', 'admin');
  const parts = [];
  if (waiting.length) {
    parts.push(html`<p class="notice" id="message">${t('submitQueued', { n: waiting.reduce((n, e) => n + e.files.length, 0) })}</p>`);
    return parts;
  }
  if (worker && ['ASSIGNED', 'REJECTED'].includes(task.state)) {
    parts.push(html`<div class="actions"><button id="start" type="button">${t('start')}</button></div>`);
  }
  if (worker && task.state === 'IN_PROGRESS') {
    parts.push(html`<form id="submit-form" class="card"><h3>${t('submit')}</h3>
      <label for="report">${t('report')}</label><textarea id="report" name="report" required maxlength="10000"></textarea>
      <label for="photos">${t('photos')}</label><input id="photos" name="photos" type="file" accept="image/*" capture="environment" multiple>
      <div class="actions"><button id="submit" type="submit">${t('submit')}</button></div></form>`);
  }
  if (worker && ['ASSIGNED', 'IN_PROGRESS', 'REJECTED'].includes(task.state)) {
    parts.push(html`<details class="card"><summary>${t('extension')}</summary><form id="extension-form">
      <label for="ext-reason">${t('reason')}</label><textarea id="ext-reason" required maxlength="2000"></textarea>
      <label for="ext-date">${t('requestedDeadline')}</label><input id="ext-date" type="date" required min="${task.deadline}">
      <div class="actions"><button type="submit">${t('send')}</button></div></form></details>`);
  }
  if (reviewer && task.state === 'SUBMITTED') {
    parts.push(html`<div class="actions"><button id="verify" type="button">${t('verify')}</button></div>
      <form id="reject-form" class="card"><label for="reject-reason">${t('rejectReason')}</label>
      <textarea id="reject-reason" required maxlength="2000"></textarea>
      <div class="actions"><button id="reject" class="secondary" type="submit">${t('reject')}</button></div></form>`);
  }
  return parts;
}

export async function task(view, id) {
  let current = await store.one('tasks', id);
  let timeline = [];
  let offline = false;
  try {
    current = await get(`/tasks/${id}`);
    timeline = await get(`/tasks/${id}/timeline`);
    if (hasRole('unit-liaison', 'unit-leader')) await store.put('tasks', current);
  } catch (e) {
    if (!(e instanceof Offline) || !current) throw e;
    offline = true;
  }
  const waiting = (await outbox.entries()).filter(e => e.resource === `/tasks/${id}`);
  const act = (label, method, path, body, extra = {}) => outbox.enqueue({ label, method, path, body, version: current.version,
    resource: `/tasks/${id}`, ...extra }).then(() => outbox.flush());
  show(view, html`<p><a href="#/tasks">← ${t('back')}</a></p>
    <h2 id="task-title">${current.title}</h2>
    <div class="row">${warning(current)}<span class="badge" id="task-state">${t(current.state)}</span>
      ${offline ? html`<span class="muted">${t('offline')}</span>` : ''}</div>
    ${waiting.filter(e => e.status !== 'waiting').map(e => html`<p class="notice error"><a href="#/outbox">${e.status === 'conflict' ? t('conflict') : t('failed', { detail: e.problem?.detail })}</a></p>`)}
    <dl class="facts card"><dt>${t('unit')}</dt><dd><a href="#/unit/${current.unit.id}">${current.unit.name}</a></dd>
      <dt>${t('responsible')}</dt><dd>${current.responsiblePerson}</dd>
      <dt>${t('deadline')}</dt><dd>${current.deadline} · ${days(current.deadline)}</dd>
      <dt>${t('measures')}</dt><dd>${current.measures}</dd>
      ${current.completionReport ? html`<dt>${t('report')}</dt><dd id="completion-report">${current.completionReport}</dd>` : ''}</dl>
    <h3>${t('evidence')}</h3>${evidenceList(current)}
    ${actions(current, waiting.filter(e => e.status === 'waiting'))}
    <h3>${t('timeline')}</h3><ol class="timeline">${timeline.map(ev => html`<li>${when(ev.at)} · ${ev.actor} · ${ev.toState ? t(ev.toState) : t(ev.type)}${ev.detail?.reason ? html` · ${ev.detail.reason}` : ''}</li>`)}</ol>`);
  await loadThumbnails(view);
  view.querySelector('#start')?.addEventListener('click', () => act(t('start'), 'POST', `/tasks/${id}/start`, undefined, { expect: 'IN_PROGRESS' }));
  view.querySelector('#verify')?.addEventListener('click', () => act(t('verify'), 'POST', `/tasks/${id}/verify`, undefined, { expect: 'VERIFIED' }));
  view.querySelector('#submit-form')?.addEventListener('submit', event => {
    event.preventDefault();
    act(t('submit'), 'POST', `/tasks/${id}/submit`, { completionReport: view.querySelector('#report').value, evidence: [] },
      { expect: 'SUBMITTED', files: [...view.querySelector('#photos').files], filesField: 'evidence', filesKind: 'evidence' });
  });
  view.querySelector('#reject-form')?.addEventListener('submit', event => {
    event.preventDefault();
    act(t('reject'), 'POST', `/tasks/${id}/reject`, { reason: view.querySelector('#reject-reason').value }, { expect: 'REJECTED' });
  });
  view.querySelector('#extension-form')?.addEventListener('submit', event => {
    event.preventDefault();
    outbox.enqueue({ label: t('extension'), method: 'POST', path: `/tasks/${id}/extensions`,
      body: { reason: view.querySelector('#ext-reason').value, requestedDeadline: view.querySelector('#ext-date').value } })
      .then(() => outbox.flush());
  });
}

/** Thumbnails need the bearer token, so they come through fetch and show as blob URLs. */
export async function loadThumbnails(view, kind = 'evidence') {
  const token = await accessToken().catch(() => null);
  for (const img of view.querySelectorAll('img[data-file]')) {
    try {
      const response = await fetch(`/api/v1/${kind}/${img.dataset.file}/thumbnail`, { headers: { Authorization: `Bearer ${token}` } });
      if (response.ok) img.src = URL.createObjectURL(await response.blob());
    } catch { /* offline: the caption still says what and when */ }
  }
}

export async function review(view) {
  let items = [];
  try {
    items = (await get('/tasks?state=SUBMITTED&limit=100')).items;
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
  }
  show(view, html`<h2>${t('review')}</h2>
    ${items.length ? html`<ul class="list" id="review">${items.map(taskCard)}</ul>` : html`<p>${t('noReview')}</p>`}`);
}


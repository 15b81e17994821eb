// What needs the person: the task inbox (delta-synced, read marks on the server) and, for a unit's
// principal leader, the agreements waiting for their signature.
import { call, get, Offline } from '../api.js';
import { hasRole, user } from '../auth.js';
import { html, show } from '../html.js';
import { t, when } from '../i18n.js';
import * as store from '../store.js';
import { syncInbox } from '../sync.js';

export async function agreementsToSign() {
  if (!hasRole('unit-leader')) return [];
  const [issued, resign] = await Promise.all([get('/agreements?state=ISSUED&limit=20'), get('/agreements?resigningNeeded=true&limit=20')]);
  // a township's leader reads its villages' agreements too, but signs only the township's own
  return [...issued.items, ...resign.items].filter(a => a.unit?.code === user().unitCode);
}

export async function inbox(view) {
  let items;
  let agreements = [];
  try {
    items = await syncInbox();
    agreements = await agreementsToSign();
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
    items = Object.values((await store.one('kv', 'inbox.items')) || {});
  }
  const open = items.filter(i => !i.resolvedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const tasks = Object.fromEntries((await store.all('tasks')).map(task => [task.id, task]));
  show(view, html`<h2>${t('inbox')}</h2>
    ${agreements.length || open.length ? '' : html`<p>${t('noInbox')}</p>`}
    <ul class="list" id="inbox">
    ${agreements.map(a => html`<li><a class="card agreement unread" href="#/agreement/${a.id}">
      ${a.resigningNeeded ? t('agreementToResign') : t('agreementToSign')}<div class="muted">${a.content?.title} · ${a.unit?.name}</div></a></li>`)}
    ${open.map(item => html`<li class="card inbox-item ${item.read ? '' : 'unread'}" data-kind="${item.kind}">
      <a href="#/task/${item.taskId}">${t(item.kind)}: ${tasks[item.taskId]?.title || item.detail?.title || item.taskId}</a>
      <div class="row muted"><span class="grow">${when(item.createdAt)}</span>
      ${item.read ? '' : html`<button class="link" type="button" data-read="${item.id}">${t('markRead')}</button>`}</div></li>`)}
    </ul>`);
  view.querySelectorAll('[data-read]').forEach(button => button.addEventListener('click', async () => {
    await call('POST', `/tasks/inbox/${button.dataset.read}/read`);
    button.closest('li').classList.remove('unread');
    button.remove();
  }));
}

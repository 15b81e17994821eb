// What needs the person, from both inboxes (delta-synced, read marks on the server): the tasks waiting on their
// unit or office, and the agreements waiting for their signature or their office's countersignature.
import { call, Offline } from '../api.js';
import { html, show } from '../html.js';
import { t, when } from '../i18n.js';
import * as store from '../store.js';
import { keptInboxes, syncInboxes } from '../sync.js';

const open = items => items.filter(i => !i.resolvedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

function readButton(item, feed) {
  return item.read ? '' : html`<button class="link" type="button" data-read="${item.id}" data-feed="${feed}">${t('markRead')}</button>`;
}

export async function inbox(view) {
  let tasksItems;
  let agreementItems;
  try {
    [tasksItems, agreementItems] = await syncInboxes();
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
    [tasksItems, agreementItems] = await keptInboxes();
  }
  const tasks = Object.fromEntries((await store.all('tasks')).map(task => [task.id, task]));
  const agreements = open(agreementItems);
  const taskItems = open(tasksItems);
  show(view, html`<h2>${t('inbox')}</h2>
    ${agreements.length || taskItems.length ? '' : html`<p>${t('noInbox')}</p>`}
    <ul class="list" id="inbox">
    ${agreements.map(item => html`<li class="card inbox-item ${item.read ? '' : 'unread'}" data-kind="${item.kind}">
      <a class="agreement" href="#/agreement/${item.agreementId}">${item.kind === 'TO_SIGN'
        ? (item.detail?.resigning ? t('agreementToResign') : t('agreementToSign')) : t('agreementToCountersign')}</a>
      <div class="muted">${item.detail?.title} · ${item.detail?.unitName}</div>
      <div class="row muted"><span class="grow">${when(item.createdAt)}</span>${readButton(item, 'agreements')}</div></li>`)}
    ${taskItems.map(item => html`<li class="card inbox-item ${item.read ? '' : 'unread'}" data-kind="${item.kind}">
      <a href="#/task/${item.taskId}">${t(item.kind)}: ${tasks[item.taskId]?.title || item.detail?.title || item.taskId}</a>
      <div class="row muted"><span class="grow">${when(item.createdAt)}</span>${readButton(item, 'tasks')}</div></li>`)}
    </ul>`);
  view.querySelectorAll('[data-read]').forEach(button => button.addEventListener('click', async () => {
    await call('POST', `/${button.dataset.feed}/inbox/${button.dataset.read}/read`);
    button.closest('li').classList.remove('unread');
    button.remove();
  }));
}

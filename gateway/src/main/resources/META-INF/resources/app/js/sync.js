// Delta sync: the phone asks only for what changed since its cursor (tasks/changes, tasks/inbox, agreements/inbox),
// keeps the result in IndexedDB, and shows that copy when there is no network.
import { get } from './api.js';
import * as store from './store.js';

async function pages(feed, apply) {
  let cursor = await store.one('kv', `${feed}.cursor`);
  for (;;) {
    const page = await get(`/${feed}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    await apply(page);
    cursor = page.cursor;
    await store.put('kv', cursor, `${feed}.cursor`);
    if (!page.more) break;
  }
  await store.put('kv', new Date().toISOString(), `${feed}.syncedAt`);
}

export async function syncTasks() {
  await pages('tasks/changes', async page => {
    await store.putAll('tasks', page.items);
    await store.removeAll('tasks', page.removed || []);
  });
}

async function syncItems(feed) {
  const items = (await store.one('kv', `${feed}.items`)) || {};
  await pages(feed, async page => {
    page.items.forEach(item => { items[item.id] = item; });
    await store.put('kv', items, `${feed}.items`);
  });
  return Object.values(items);
}

/** Both inboxes: the tasks waiting on the person, and the agreements waiting for their signature or countersignature. */
export const syncInboxes = () => Promise.all([syncItems('tasks/inbox'), syncItems('agreements/inbox')]);

/** The inboxes as last synced, for a phone without a network. */
export const keptInboxes = () => Promise.all(['tasks/inbox', 'agreements/inbox']
  .map(async feed => Object.values((await store.one('kv', `${feed}.items`)) || {})));

export const syncedAt = feed => store.one('kv', `${feed}.syncedAt`);

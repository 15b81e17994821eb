// What the phone keeps between visits (IndexedDB): the synced records, feed cursors, and the outbox of
// actions waiting for a network. Logging in as someone else clears it: one phone, one person's data.
const DB = 'tuanjie';
let opened;

function db() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      const d = request.result;
      d.createObjectStore('tasks', { keyPath: 'id' });
      d.createObjectStore('kv');
      d.createObjectStore('outbox', { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(store, mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(store, mode);
    const result = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(result instanceof IDBRequest ? result.result : result);
    tx.onerror = () => reject(tx.error);
  });
}

export const all = store => run(store, 'readonly', s => s.getAll());
export const one = (store, key) => run(store, 'readonly', s => s.get(key));
export const put = (store, value, key) => run(store, 'readwrite', s => { key === undefined ? s.put(value) : s.put(value, key); });
export const remove = (store, key) => run(store, 'readwrite', s => { s.delete(key); });
export const putAll = (store, values) => run(store, 'readwrite', s => values.forEach(v => s.put(v)));
export const removeAll = (store, keys) => run(store, 'readwrite', s => keys.forEach(k => s.delete(k)));
export const clear = () => Promise.all(['tasks', 'kv', 'outbox'].map(n => run(n, 'readwrite', s => { s.clear(); })));

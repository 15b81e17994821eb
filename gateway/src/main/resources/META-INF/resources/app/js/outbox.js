// Actions taken without a network wait here, photos included, and go out in order when it is back.
// Each keeps the Idempotency-Key it was given when the person acted, and a change keeps the version
// the person saw (If-Match): a replay after a lost answer cannot act twice, and a change someone else
// made meanwhile comes back as a conflict the person settles, never overwritten.
import { call, get, ifMatch, Offline, Refused } from './api.js';
import { user } from './auth.js';
import * as store from './store.js';

const CHUNK = 256 * 1024;
let running = false;

const utf8base64 = text => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const changed = () => window.dispatchEvent(new Event('outbox'));

/**
 * @param action {label, method, path, body, version?, resource?, expect?, files?: File[], filesField?, filesKind?}
 *   resource: the record the action changes, read again on a conflict; expect: the state it leaves it in
 */
export async function enqueue(action) {
  const files = await Promise.all((action.files || []).map(async f => ({ name: f.name, type: f.type, blob: new Blob([await f.arrayBuffer()], { type: f.type }) })));
  const entry = { ...action, files, id: crypto.randomUUID(), key: crypto.randomUUID(), at: Date.now(), status: 'waiting' };
  await store.put('outbox', entry);
  changed();
  return entry;
}

/** Sends it now if the network allows, and tells what became of it: sent, waiting, failed or conflict (with the problem). */
export async function submit(action) {
  const entry = await enqueue(action);
  await flush();
  const left = await store.one('outbox', entry.id);
  return left ? { status: left.status, problem: left.problem } : { status: 'sent' };
}

export const entries = async () => (await store.all('outbox')).sort((a, b) => a.at - b.at);

/** Sends what waits, oldest first; stops at the first sign of no network and tries again later. */
export async function flush() {
  if (running) return;
  running = true;
  try {
    for (const entry of await entries()) {
      if (entry.status !== 'waiting') continue;
      try {
        await send(entry);
        await store.remove('outbox', entry.id);
        window.dispatchEvent(new CustomEvent('sent', { detail: entry }));
      } catch (e) {
        if (e instanceof Offline || (e instanceof Refused && [429, 502, 503, 504].includes(e.status))) break;
        if (e instanceof Refused && e.status === 412 && entry.resource) {
          entry.status = 'conflict';
          entry.server = await get(entry.resource);
        } else {
          entry.status = 'failed';
          entry.problem = e.problem || { detail: e.message };
        }
        await store.put('outbox', entry);
      }
      changed();
    }
  } finally {
    running = false;
  }
}

async function send(entry) {
  const ids = [];
  for (const file of entry.files) {
    ids.push(await upload(entry, file));
  }
  const body = entry.files.length ? { ...entry.body, [entry.filesField]: [...(entry.body?.[entry.filesField] || []), ...ids] } : entry.body;
  const headers = { 'Idempotency-Key': entry.key, ...(entry.version != null ? ifMatch(entry.version) : {}) };
  try {
    await call(entry.method, entry.path, { body, headers });
  } catch (e) {
    // a replay after an answer lost on the way: the change is there already, made by this person
    if (e instanceof Refused && e.status === 412 && entry.expect && await alreadyApplied(entry)) return;
    throw e;
  }
}

async function alreadyApplied(entry) {
  const current = await get(entry.resource);
  const me = user();
  return current.state === entry.expect && current.version === entry.version + 1
      && [me.subject, me.username].includes(current.updatedBy);
}

/** tus 1.0: created once, then sent in pieces; after a break it asks where it stands and goes on from there. */
async function upload(entry, file) {
  if (file.fileId) return file.fileId;
  const tus = { 'Tus-Resumable': '1.0.0' };
  if (file.location) {
    try {
      file.offset = Number((await call('HEAD', file.location, { headers: tus })).headers.get('Upload-Offset'));
    } catch (e) {
      if (!(e instanceof Refused && [404, 410].includes(e.status))) throw e;
      file.location = null; // expired on the server: start it again
    }
  }
  if (!file.location) {
    const created = await call('POST', `/${entry.filesKind}/uploads`, { headers: { ...tus, 'Upload-Length': String(file.blob.size),
      'Upload-Metadata': `filename ${utf8base64(file.name || 'photo.jpg')},filetype ${utf8base64(file.type || 'image/jpeg')}` } });
    file.location = new URL(created.headers.get('Location'), location.origin).pathname;
    file.offset = 0;
    await store.put('outbox', entry);
  }
  while (!file.fileId) {
    const piece = file.blob.slice(file.offset, file.offset + CHUNK);
    const sent = await call('PATCH', file.location, { raw: true, body: piece,
      headers: { ...tus, 'Upload-Offset': String(file.offset), 'Content-Type': 'application/offset+octet-stream' } });
    file.offset = Number(sent.headers.get('Upload-Offset'));
    const done = sent.headers.get('Location');
    if (done) file.fileId = done.substring(done.lastIndexOf('/') + 1);
    await store.put('outbox', entry);
  }
  return file.fileId;
}

/** The person settles a conflict: send again on the version now on the server, or drop the action. */
export async function settle(id, again) {
  const entry = await store.one('outbox', id);
  if (!entry) return;
  if (again) {
    Object.assign(entry, { status: 'waiting', version: entry.server?.version ?? entry.version, server: null, problem: null, key: crypto.randomUUID() });
    await store.put('outbox', entry);
  } else {
    await store.remove('outbox', id);
  }
  changed();
  flush();
}

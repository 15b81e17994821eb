// Keeps the app shell on the phone: it opens without a network. API answers are not cached here;
// the app keeps its own synced copy in IndexedDB, and an action without a network waits in its outbox.
const SHELL = 'tuanjie-shell-v1';
const FILES = ['./', 'index.html', 'app.css', 'manifest.json', 'icon.svg', 'icon-192.png', 'icon-512.png', 'js/main.js', 'js/api.js', 'js/auth.js', 'js/html.js',
  'js/i18n.js', 'js/outbox.js', 'js/seal.js', 'js/store.js', 'js/sync.js', 'js/views/agreement.js', 'js/views/inbox.js',
  'js/views/more.js', 'js/views/tasks.js'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== SHELL).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The shell from the phone at once (a weak network must not hold up the start), refreshed behind it from the
// network: a new release shows from the next start on
self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith('/app/') || url.pathname === '/app/config.json') return;
  const key = url.origin + url.pathname;
  const fresh = fetch(event.request).then(async response => {
    if (response.ok) await caches.open(SHELL).then(cache => cache.put(key, response.clone()));
    return response;
  });
  event.waitUntil(fresh.catch(() => undefined));
  event.respondWith(caches.match(key).then(hit => hit
    || fresh.catch(() => caches.match(new URL('index.html', location.href).href))));
});

// The field app's shell: login, the tabs a person's roles call for, the router, the network and outbox
// state in the header, and the service worker that keeps the shell on the phone.
import { Offline, Refused } from './api.js';
import * as auth from './auth.js';
import { html, show } from './html.js';
import { lang, setLang, t } from './i18n.js';
import * as outbox from './outbox.js';
import * as store from './store.js';
import { agreement, agreements } from './views/agreement.js';
import { inbox } from './views/inbox.js';
import { dossier, finding, league, outboxView, unit } from './views/more.js';
import { review, task, tasks } from './views/tasks.js';

let view = document.getElementById('view');
let generation = 0;
const routes = [
  [/^#\/tasks$/, tasks], [/^#\/task\/([\w-]+)$/, task], [/^#\/inbox$/, inbox], [/^#\/review$/, review],
  [/^#\/agreement$/, agreements], [/^#\/agreement\/([\w-]+)$/, agreement], [/^#\/league$/, league],
  [/^#\/unit\/([\w-]+)$/, unit], [/^#\/outbox$/, outboxView], [/^#\/finding$/, finding], [/^#\/dossier\/([\w-]+)$/, dossier]];

function tabs() {
  const list = [];
  if (auth.hasRole('inspector')) list.push(['#/review', 'tabReview'], ['#/finding', 'finding']);
  if (auth.hasRole('unit-liaison', 'unit-leader', 'admin', 'auditor')) list.push(['#/tasks', 'tabTasks']);
  list.push(['#/inbox', 'tabInbox']);
  if (auth.hasRole('unit-leader', 'admin', 'auditor')) list.push(['#/agreement', 'tabAgreement']);
  list.push(['#/league', 'tabLeague']);
  return list;
}

function renderChrome() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  const button = document.getElementById('lang');
  button.textContent = lang === 'en' ? '中文' : 'English';
  button.lang = lang === 'en' ? 'zh-CN' : 'en';
  const nav = document.getElementById('tabs');
  if (!auth.user()) {
    nav.hidden = true;
    return;
  }
  nav.hidden = false;
  nav.setAttribute('aria-label', t('appName'));
  show(nav, html`${tabs().map(([href, key]) => html`<a href="${href}" ${location.hash.startsWith(href) ? html`aria-current="page"` : ''}>${t(key)}</a>`)}
    <a href="#/logout" id="logout">${t('logout')}</a>`);
  network();
}

function network() {
  const el = document.getElementById('network');
  el.textContent = navigator.onLine ? t('online') : t('offline');
  el.classList.toggle('offline', !navigator.onLine);
}

async function badge() {
  const waiting = (await outbox.entries()).length;
  const el = document.getElementById('outbox');
  show(el, waiting ? html`<a href="#/outbox">${t('pending', { n: waiting })}</a>` : '');
}

async function render() {
  if (location.hash === '#/logout') {
    await store.clear();
    await auth.logout();
    return;
  }
  if (!location.hash || location.hash === '#/') {
    location.replace(auth.hasRole('inspector') ? '#/review' : '#/tasks');
    return;
  }
  renderChrome();
  // Each screen is built aside and shown only if no later navigation overtook it (a slow network
  // must not let an old screen land on top of the one the person went to since).
  const mine = ++generation;
  const target = view.cloneNode(false);
  const route = routes.find(([pattern]) => pattern.test(location.hash));
  try {
    if (!route) throw new Error(location.hash);
    await route[1](target, ...location.hash.match(route[0]).slice(1));
  } catch (e) {
    if (e instanceof Refused && e.status === 401) {
      renderLogin(); // the session ended at Keycloak (logged out elsewhere, or idle too long)
      return;
    }
    const detail = e instanceof Refused ? (e.status === 403 ? t('notAllowed') : e.message) : e instanceof Offline ? t('offline') : e.message;
    show(target, html`<p class="notice error" role="alert">${t('error', { detail })}</p>`);
  }
  if (mine === generation) {
    view.replaceWith(target);
    view = target;
  }
}

function renderLogin(problem) {
  renderChrome();
  show(view, html`<h2>${t('appName')}</h2><p>${t('loginWhy')}</p>
    ${problem ? html`<p class="notice error" role="alert">${problem}</p>` : ''}
    <div class="actions"><button id="login" type="button">${t('login')}</button></div>`);
  view.querySelector('#login').addEventListener('click', () => auth.login());
}

async function boot() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => {});
  document.getElementById('lang').addEventListener('click', () => {
    setLang(lang === 'en' ? 'zh' : 'en');
    auth.user() ? render() : renderLogin();
  });
  try {
    const done = await auth.completeLogin();
    if (done?.switched) await store.clear(); // another person on this phone: nothing of the last one stays
  } catch (e) {
    renderLogin(e.message);
    return;
  }
  if (!auth.user()) {
    renderLogin();
    return;
  }
  window.addEventListener('hashchange', render);
  window.addEventListener('online', () => { network(); outbox.flush(); });
  window.addEventListener('offline', network);
  window.addEventListener('outbox', () => { badge(); if (/^#\/(task\/|outbox)/.test(location.hash)) render(); });
  window.addEventListener('sent', () => render());
  setInterval(() => outbox.flush(), 5000);
  await render();
  badge();
  outbox.flush();
}

boot();

// OIDC authorization code with PKCE at the realm's public client mobile-app: no secret on the phone.
// Tokens stay in localStorage so the app opens offline with the last session; the refresh token
// renews the access token when it is about to run out, and logging out ends the Keycloak session too.
import { lang } from './i18n.js';

const KEY = 'tuanjie.session';
let config;
let session = JSON.parse(localStorage.getItem(KEY) || 'null');

const base64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = n => base64url(crypto.getRandomValues(new Uint8Array(n)));
// the page logins return to: the field app's, or the dashboard's, which names itself in <meta name="tuanjie-home">
const home = () => document.querySelector('meta[name="tuanjie-home"]')?.content || '/app/';
const redirectUri = () => `${location.origin}${home()}`;

async function endpoints() {
  if (!config) {
    const cached = localStorage.getItem('tuanjie.config');
    try {
      config = await (await fetch('/app/config.json', { cache: 'no-store' })).json();
      localStorage.setItem('tuanjie.config', JSON.stringify(config));
    } catch (offline) {
      config = JSON.parse(cached || 'null');
      if (!config) throw offline;
    }
  }
  const oidc = `${config.issuer}/protocol/openid-connect`;
  return { auth: `${oidc}/auth`, token: `${oidc}/token`, logout: `${oidc}/logout`, clientId: config.clientId };
}

function keep(tokens) {
  const claims = JSON.parse(decodeURIComponent(escape(atob(tokens.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
  session = {
    access: tokens.access_token, refresh: tokens.refresh_token, idToken: tokens.id_token || session?.idToken,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    subject: claims.sub, username: claims.preferred_username, name: claims.name || claims.preferred_username,
    roles: claims.realm_access?.roles || [], unitCode: claims.unit_code
  };
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function user() {
  return session;
}

export function hasRole(...roles) {
  return !!session && roles.some(r => session.roles.includes(r));
}

export async function login() {
  const { auth, clientId } = await endpoints();
  const verifier = random(48);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = random(16);
  sessionStorage.setItem('tuanjie.pkce', JSON.stringify({ verifier, state, back: location.hash }));
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri(), response_type: 'code', scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256', state, ui_locales: lang === 'en' ? 'en' : 'zh-CN' });
  location.assign(`${auth}?${query}`);
}

/** Back from Keycloak with ?code=…&state=…: trade the code for tokens. @return whether a login was completed */
export async function completeLogin() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) return false;
  const pending = JSON.parse(sessionStorage.getItem('tuanjie.pkce') || 'null');
  sessionStorage.removeItem('tuanjie.pkce');
  history.replaceState(null, '', `${home()}${pending?.back || ''}`);
  if (!pending || pending.state !== params.get('state')) throw new Error('login state mismatch');
  const { token, clientId } = await endpoints();
  const response = await fetch(token, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: clientId, code_verifier: pending.verifier }) });
  if (!response.ok) throw new Error(`login refused (${response.status})`);
  const previous = session?.subject;
  keep(await response.json());
  return { switched: previous !== session.subject };
}

/** A valid access token, renewed when under a minute is left; null when logged out. */
export async function accessToken() {
  if (!session) return null;
  if (Date.now() < session.expiresAt - 60000) return session.access;
  const { token, clientId } = await endpoints();
  const response = await fetch(token, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refresh, client_id: clientId }) });
  if (response.status === 400 || response.status === 401) {
    forget();
    return null;
  }
  if (!response.ok) throw new Error(`token refresh failed (${response.status})`);
  keep(await response.json());
  return session.access;
}

function forget() {
  session = null;
  localStorage.removeItem(KEY);
}

export async function logout() {
  const idToken = session?.idToken;
  forget();
  const { logout: end, clientId } = await endpoints();
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) query.set('id_token_hint', idToken);
  location.assign(`${end}?${query}`);
}

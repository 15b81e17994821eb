// The suite's public API through the gateway, as any other client calls it: bearer token, the
// person's language, problem+json errors. A network failure is Offline, which the outbox waits out.
import { accessToken } from './auth.js';
import { lang } from './i18n.js';

export class Offline extends Error {}

export class Refused extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function call(method, path, { body, headers = {}, raw, text } = {}) {
  const token = await accessToken().catch(e => { throw new Offline(e.message); });
  const init = { method, headers: { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN', Accept: 'application/json', ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.body = raw ? body : JSON.stringify(body);
    if (!raw) init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path.startsWith('/api/') ? path : `/api/v1${path}`, init);
  } catch (e) {
    throw new Offline(e.message);
  }
  if (response.status >= 400) {
    const problem = await response.json().catch(() => null);
    throw new Refused(response.status, problem);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = text ? await response.text() : type.includes('json') ? await response.json() : null;
  return { status: response.status, data, headers: response.headers };
}

export const get = async path => (await call('GET', path)).data;

/** The If-Match of a versioned resource read earlier: its ETag is its version. */
export const ifMatch = version => ({ 'If-Match': `"${version}"` });

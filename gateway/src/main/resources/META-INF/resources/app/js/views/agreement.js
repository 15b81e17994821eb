// The principal leader's agreement: its content and the hash being signed; after signing, the seals
// and their verification on the phone itself.
import { get } from '../api.js';
import { hasRole, user } from '../auth.js';
import { html, show } from '../html.js';
import { t, when } from '../i18n.js';
import * as outbox from '../outbox.js';
import { verifyAgreement } from '../seal.js';

export async function agreements(view) {
  const listed = (await get(`/agreements?limit=50`)).items.filter(a => !['SUPERSEDED', 'REVOKED'].includes(a.state));
  show(view, html`<h2>${t('agreement')}</h2>
    ${listed.length ? html`<ul class="list">${listed.map(a => html`<li><a class="card" href="#/agreement/${a.id}">
      <span class="badge">${t(a.state)}</span> ${a.content?.title}<div class="muted">${a.unit?.name}</div></a></li>`)}</ul>`
      : html`<p>${t('noAgreement')}</p>`}`);
}

export async function agreement(view, id) {
  const a = await get(`/agreements/${id}`);
  // party B's own principal leader signs; the issuing office countersigns (the service has the last word on both)
  const signable = hasRole('unit-leader') && a.unit?.code === user().unitCode && (a.state === 'ISSUED' || a.resigningNeeded);
  const countersignable = hasRole('admin') && a.issuerCode === user().unitCode && a.state === 'SIGNED';
  const check = a.state === 'ISSUED' ? null : await verifyAgreement(a);
  show(view, html`<p><a href="#/agreement">← ${t('back')}</a></p>
    <h2>${a.content.title}</h2>
    <div class="row"><span class="badge" id="agreement-state">${t(a.state)}</span><span class="muted">${a.unit?.name} · v${a.versionNo}</span></div>
    <h3>${t('clauses')}</h3><ol>${a.content.clauses.map(c => html`<li>${c}</li>`)}</ol>
    <h3>${t('targets')}</h3><table><thead><tr><th scope="col">${t('targets')}</th><th scope="col">${t('weight')}</th></tr></thead>
      <tbody>${a.content.targets.map(x => html`<tr><td>${x.code} ${x.title}</td><td>${x.weight}</td></tr>`)}</tbody></table>
    <h3>${t('contentHash')}</h3><p class="hash" id="content-hash">${a.contentHash}</p>
    ${signable ? html`<p class="muted">${t('signNote')}</p><div class="actions"><button id="sign" type="button">${t('sign')}</button></div>` : ''}
    ${countersignable ? html`<div class="actions"><button id="countersign" type="button">${t('countersign')}</button></div>` : ''}
    ${check ? html`<h3>${t('signatures')}</h3>
      <p id="seal-status" class="notice ${check.valid ? 'ok' : 'error'}">${check.valid ? '✔ ' + t('sealOk') : '✘ ' + t('sealBad')}</p>
      <ul class="list">${check.signatures.map(({ signature: s, valid, checkedBy, algorithm }) => html`<li class="card seal">
        <strong>${t(s.kind)}</strong> ${valid ? '✔' : '✘'}<br>${t('signedBy', { name: s.signerName, role: s.signerRole, at: when(s.signedAt) })}
        ${checkedBy === 'service' ? html`<br><span class="muted">${t('sealByService', { algorithm: algorithm || '?' })}</span>` : ''}
        <div class="hash">${s.keyId}: ${s.seal}</div></li>`)}</ul>` : ''}`);
  // the state each act leaves it in: a replay after a lost answer finds it there, made by this person, and is done
  const act = (button, action, expect) => view.querySelector(button)?.addEventListener('click', async () => {
    await outbox.enqueue({ label: t(action), method: 'POST', path: `/agreements/${id}/${action}`, version: a.version,
      resource: `/agreements/${id}`, expect });
    await outbox.flush();
  });
  act('#sign', 'sign', a.state === 'ISSUED' ? 'SIGNED' : a.state);
  act('#countersign', 'countersign', 'ACTIVE');
}

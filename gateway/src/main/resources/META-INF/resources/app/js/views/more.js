// The township league, a unit's page (names in Tibetan where the unit has them), the outbox with its
// conflicts, and the inspector's and liaison's recordings in the field (a finding, a dossier activity).
import { get } from '../api.js';
import { user } from '../auth.js';
import { html, show } from '../html.js';
import { t, when } from '../i18n.js';
import * as outbox from '../outbox.js';
import { taskCard } from './tasks.js';

const percent = rate => rate == null ? '—' : `${Math.round(rate * 100)}%`;

export async function league(view) {
  const { townships, spread } = await get('/figures/townships');
  if (!townships.length) {
    show(view, html`<h2>${t('league')}</h2><p>${t('noTownships')}</p>`);
    return;
  }
  show(view, html`<h2>${t('league')}</h2>
    <table id="league"><thead><tr><th scope="col">${t('township')}</th><th scope="col">${t('closureRate')}</th>
      <th scope="col">${t('open')}</th><th scope="col">${t('overdueCount')}</th></tr></thead>
    <tbody>${[...townships].sort((a, b) => (b.closureRate ?? -1) - (a.closureRate ?? -1)).map(r => html`<tr>
      <td>${r.name}</td><td>${percent(r.closureRate)}</td><td>${r.open}</td><td>${r.overdue}</td></tr>`)}</tbody></table>
    <p class="muted">${t('spread')}: ${spread?.coefficientOfVariation?.toFixed?.(2) ?? '—'}</p>`);
}

export async function unit(view, id) {
  const page = await get(`/api/views/units/${id}`);
  const names = page.unit?.names || {};
  const open = page.openTasks || {};
  show(view, html`<h2 id="unit-name">${names.zh}</h2>
    ${names.bo ? html`<p lang="bo" id="name-bo">${names.bo}</p>` : ''}${names.en ? html`<p lang="en" class="muted">${names.en}</p>` : ''}
    <dl class="facts card"><dt>${t('RED')}</dt><dd>${open.counts?.RED ?? 0}</dd><dt>${t('YELLOW')}</dt><dd>${open.counts?.YELLOW ?? 0}</dd>
      <dt>${t('GREEN')}</dt><dd>${open.counts?.GREEN ?? 0}</dd>
      ${page.agreement ? html`<dt>${t('agreement')}</dt><dd><a href="#/agreement/${page.agreement.id}">${t(page.agreement.state)}</a></dd>` : ''}</dl>
    <ul class="list">${['RED', 'YELLOW', 'GREEN'].flatMap(w => (open[w] || []).map(task => taskCard({ ...task, warning: w })))}</ul>
    ${user().unitCode === page.unit?.code ? html`<p><a class="button" href="#/dossier/${id}">${t('recordActivity')}</a></p>` : ''}`);
}

/** What the person wrote in an action, in their words rather than as JSON. */
const said = body => Object.values(body || {}).filter(v => typeof v === 'string').join(' · ');

export async function outboxView(view) {
  const entries = await outbox.entries();
  show(view, html`<h2>${t('pending', { n: entries.length })}</h2><ul class="list">${entries.map(e => html`<li class="card" data-entry="${e.id}">
    <strong>${e.label}</strong> <span class="muted">${when(new Date(e.at).toISOString())}</span>
    ${e.status === 'conflict' ? html`<p class="notice error">${t('conflict')}</p><div class="conflict">
        <div class="card"><h3>${t('mine')}</h3><p class="said">${said(e.body)}</p>${e.files.map(f => html`<div>📷 ${f.name}</div>`)}</div>
        <div class="card"><h3>${t('theirs')}</h3><p>${t(e.server?.state)} · ${e.server?.updatedBy} · ${when(e.server?.updatedAt)}</p>
          <p class="said">${e.server?.completionReport || ''}</p></div></div>
        <div class="actions"><button type="button" data-again="${e.id}">${t('retry')}</button>
        <button type="button" class="secondary" data-drop="${e.id}">${t('discard')}</button></div>`
      : e.status === 'failed' ? html`<p class="notice error">${t('failed', { detail: e.problem?.detail })}</p>
        <button type="button" class="secondary" data-drop="${e.id}">${t('discard')}</button>` : ''}</li>`)}</ul>`);
  view.querySelectorAll('[data-again]').forEach(b => b.addEventListener('click', () => outbox.settle(b.dataset.again, true)));
  view.querySelectorAll('[data-drop]').forEach(b => b.addEventListener('click', () => outbox.settle(b.dataset.drop, false)));
}

/** What became of a recording: sent (the form is cleared), waiting for a network, or refused with the reason. */
function tell(view, form, outcome) {
  const message = view.querySelector('#message');
  message.className = outcome.status === 'failed' ? 'notice error' : 'notice ok';
  message.textContent = outcome.status === 'sent' ? t('saved') : outcome.status === 'waiting' ? t('queued')
    : t('failed', { detail: outcome.problem?.detail });
  if (outcome.status !== 'failed') form.reset();
}

const options = (values, prefix = '') => values.map(v => html`<option value="${v}">${prefix}${t(v)}</option>`);

export async function finding(view) {
  const inspections = (await get('/inspections?limit=50')).items;
  show(view, html`<h2>${t('finding')}</h2><form id="finding-form" class="card">
    <label for="inspection">${t('inspections')}</label><select id="inspection" required>${inspections.map(i => html`<option value="${i.id}">${i.title}</option>`)}</select>
    <label for="finding-unit">${t('unit')}</label><select id="finding-unit" required></select>
    <label for="finding-category">${t('category')}</label><select id="finding-category">${['LEADERSHIP', 'PUBLICITY', 'PROGRESS', 'GUARANTEES', 'CAPACITY', 'HIGHLIGHTS', 'COORDINATION', 'ATMOSPHERE', 'BALANCE'].map(c => html`<option value="${c}">${c}</option>`)}</select>
    <label for="finding-severity">${t('severity')}</label><select id="finding-severity">${options(['LOW', 'MEDIUM', 'HIGH'])}</select>
    <label for="finding-description">${t('description')}</label><textarea id="finding-description" required maxlength="4000"></textarea>
    <label for="finding-photos">${t('photos')}</label><input id="finding-photos" type="file" accept="image/*" capture="environment" multiple>
    <div class="actions"><button type="submit">${t('send')}</button></div></form><p id="message" role="status"></p>`);
  const units = view.querySelector('#finding-unit');
  const fill = () => {
    const chosen = inspections.find(i => i.id === view.querySelector('#inspection').value);
    units.innerHTML = '';
    (chosen?.units || []).forEach(u => units.add(new Option(u.name, u.id)));
  };
  view.querySelector('#inspection').addEventListener('change', fill);
  fill();
  view.querySelector('#finding-form').addEventListener('submit', async event => {
    event.preventDefault();
    const inspection = view.querySelector('#inspection').value;
    const outcome = await outbox.submit({ label: t('finding'), method: 'POST', path: `/inspections/${inspection}/findings`,
      body: { unitId: units.value, category: view.querySelector('#finding-category').value, severity: view.querySelector('#finding-severity').value,
        description: view.querySelector('#finding-description').value, evidence: [] },
      files: [...view.querySelector('#finding-photos').files], filesField: 'evidence', filesKind: 'evidence' });
    tell(view, event.target, outcome);
  });
}

export async function dossier(view, unitId) {
  show(view, html`<h2>${t('recordActivity')}</h2><form id="activity-form" class="card">
    <label for="activity-kind">${t('kind')}</label><select id="activity-kind">${['PUBLICITY', 'TRAINING', 'PROMOTION_MEETING', 'POLICY_STUDY', 'SHOWCASE'].map(k => html`<option value="${k}">${k}</option>`)}</select>
    <label for="activity-title">${t('activityTitle')}</label><input id="activity-title" required maxlength="300">
    <label for="activity-date">${t('date')}</label><input id="activity-date" type="date" required>
    <label for="activity-place">${t('placeName')}</label><input id="activity-place" maxlength="300">
    <label for="activity-indicators">${t('indicators')}</label><input id="activity-indicators" required maxlength="200" placeholder="2.1, 3.2">
    <label for="activity-photos">${t('photos')}</label><input id="activity-photos" type="file" accept="image/*" capture="environment" multiple>
    <div class="actions"><button type="submit">${t('send')}</button></div></form><p id="message" role="status"></p>`);
  view.querySelector('#activity-form').addEventListener('submit', async event => {
    event.preventDefault();
    const place = view.querySelector('#activity-place').value;
    const indicatorCodes = view.querySelector('#activity-indicators').value.split(/[,，\s]+/).filter(Boolean);
    const outcome = await outbox.submit({ label: t('recordActivity'), method: 'POST', path: `/units/${unitId}/dossier/activities`,
      body: { kind: view.querySelector('#activity-kind').value, title: view.querySelector('#activity-title').value,
        date: view.querySelector('#activity-date').value, ...(place ? { place } : {}), indicatorCodes, files: [] },
      files: [...view.querySelector('#activity-photos').files], filesField: 'files', filesKind: 'attachments' });
    tell(view, event.target, outcome);
  });
}

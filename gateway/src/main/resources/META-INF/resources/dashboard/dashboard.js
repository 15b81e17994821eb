// The county dashboard (领导驾驶舱): the campaign at a glance for admins, auditors and leaders, from the same API every
// client calls, with the person's own token (their reach is what they see). Each chart has its numbers as a table
// beside it, for screen readers and for copying; townships and units drill down by link. ?screen=large is the office
// wall: dark, three columns at 1920×1080, refreshed every minute.
import { completeLogin, login, logout, user } from '../app/js/auth.js';
import { get, Refused } from '../app/js/api.js';

const $ = id => document.getElementById(id);
const large = new URLSearchParams(location.search).get('screen') === 'large';
const RED = '#b3261e', YELLOW = '#e0a100', GREEN = '#2e7d32', BLUE = '#3f51b5';
let charts = [];

const esc = text => String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
/** A unit's name in Chinese, as the API gives names per language. */
const nameOf = unit => unit.names?.zh || Object.values(unit.names || {})[0] || unit.code;
const pct = rate => `${(100 * (rate || 0)).toFixed(1)}%`;
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // Asia/Shanghai
const daysBefore = (day, n) => new Date(Date.parse(day) - n * 86400000).toISOString().slice(0, 10);

function status(text) {
  $('status').textContent = text;
}

/** A card: heading, a note, the chart, and its numbers as a table. @return the chart's element */
function card(id, title, note, summary, head, rows) {
  const table = `<details><summary>数据表：${esc(title)}</summary><table><caption class="skip">${esc(title)}</caption><thead><tr>${
    head.map((h, i) => `<th scope="col"${i ? ' class="n"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.map(r => `<tr>${r.map((c, i) => i ? `<td class="n">${c}</td>` : `<th scope="row">${c}</th>`).join('')}</tr>`).join('')
  }</tbody></table></details>`;
  $('view').insertAdjacentHTML('beforeend', `<section class="card" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>`
    + `<p class="note">${esc(note)}</p><div class="chart" role="img" aria-label="${esc(title + '：' + summary)}"></div>${table}</section>`);
  return $(id).querySelector('.chart');
}

function draw(element, option, onClick) {
  const chart = echarts.init(element, large ? 'dark' : null);
  chart.setOption({ backgroundColor: 'transparent', animation: !large, textStyle: { fontFamily: 'sans-serif' }, ...option });
  if (onClick) chart.on('click', onClick);
  charts.push(chart);
  return chart;
}

function bars(names, series, { percent = false, stack = false } = {}) {
  return {
    tooltip: { trigger: 'axis' }, legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: percent ? 100 : undefined, axisLabel: { formatter: percent ? '{value}%' : '{value}' } },
    yAxis: { type: 'category', data: names, inverse: true },
    series: series.map(s => ({ type: 'bar', stack: stack ? 'all' : undefined, label: { show: !stack, position: 'right',
      formatter: percent ? '{c}%' : '{c}' }, ...s }))
  };
}

async function all(path) {
  const items = [];
  let next = null;
  do {
    const page = await get(path + (path.includes('?') ? '&' : '?') + 'limit=500' + (next ? `&cursor=${encodeURIComponent(next)}` : ''));
    items.push(...page.items);
    next = page.next;
  } while (next);
  return items;
}

async function county(root) {
  const within = `within=${root.id}`;
  const [league, outlines, red, yellow, green, verified, coverage, readiness, rollup, trend] = await Promise.all([
    get(`/figures/townships?${within}`),
    get(`/units/${root.id}/boundaries`).catch(() => null),
    ...['RED', 'YELLOW', 'GREEN'].map(w => get(`/figures?by=CATEGORY&${within}&warning=${w}`)),
    get(`/figures?by=CATEGORY&${within}&state=VERIFIED`),
    get(`/coverage?year=${today().slice(0, 4)}&${within}`).catch(() => null),
    all(`/readiness?${within}`).catch(() => null),
    get(`/units/${root.id}/scorecard/rollup`).catch(() => null),
    Promise.all([...Array(8).keys()].reverse().map(w => get(`/figures?${within}${w ? `&asOf=${daysBefore(today(), 7 * w)}` : ''}`)
      .then(f => ({ day: w ? daysBefore(today(), 7 * w) : today(), total: f.total }))))
  ]);

  const townships = league.townships;
  const spread = league.spread;
  const leagueEl = card('league', '乡镇整改销号率排名', `离散系数 ${spread.coefficientOfVariation ?? '—'}（越大，乡镇之间推进越不均衡）；`
      + `平均 ${pct(spread.meanClosureRate)}。点击乡镇查看其单位。`,
    townships.map(t => `${t.name} ${pct(t.closureRate)}`).join('，'), ['乡镇', '任务', '已销号', '逾期', '销号率'],
    townships.map(t => [`<a href="#/township/${esc(t.key)}">${esc(t.name)}</a>`, t.total, t.verified, t.overdue, pct(t.closureRate)]));
  draw(leagueEl, bars(townships.map(t => t.name), [{ name: '销号率', data: townships.map(t => +(100 * t.closureRate).toFixed(1)),
    itemStyle: { color: RED } }], { percent: true }), e => { location.hash = `#/township/${townships[e.dataIndex].key}`; });

  if (outlines?.features?.length) townshipMap(root, outlines, townships);

  const categories = [...new Map([...red.rows, ...yellow.rows, ...green.rows, ...verified.rows].map(r => [r.key, r.name])).entries()];
  const count = (figures, key) => figures.rows.find(r => r.key === key)?.total || 0;
  const lights = [['红灯（逾期）', red, RED], ['黄灯（临近时限）', yellow, YELLOW], ['绿灯', green, GREEN], ['已销号', verified, BLUE]];
  const categoryEl = card('categories', '问题类别与预警', '各类问题的整改任务：未销号的按红黄绿灯，已销号的单列。',
    categories.map(([key, name]) => `${name} 红灯 ${count(red, key)}`).join('，'), ['类别', ...lights.map(l => l[0])],
    categories.map(([key, name]) => [esc(name), ...lights.map(l => count(l[1], key))]));
  draw(categoryEl, bars(categories.map(c => c[1]), lights.map(([name, figures, color]) => ({ name, itemStyle: { color },
    data: categories.map(([key]) => count(figures, key)) })), { stack: true }));

  const trendEl = card('trend', '整改销号率周趋势', '近八周每周同一天的情况（按当日结束时统计）。',
    trend.map(t => `${t.day} ${pct(t.total.closureRate)}`).join('，'), ['日期', '任务', '已销号', '逾期', '销号率'],
    trend.map(t => [t.day, t.total.total, t.total.verified, t.total.overdue, pct(t.total.closureRate)]));
  draw(trendEl, { tooltip: { trigger: 'axis' }, grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.map(t => t.day.slice(5)) }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'line', name: '销号率', data: trend.map(t => +(100 * t.total.closureRate).toFixed(1)), itemStyle: { color: RED },
      label: { show: true, formatter: '{c}%' } }] });

  if (coverage) {
    const groups = coverage.groups;
    const coverageEl = card('coverage', '责任书签订覆盖', `${coverage.year} 年：已签 ${coverage.signed} / 下发 ${coverage.issued}（${pct(coverage.rate)}）。`,
      groups.map(g => `${g.name} ${pct(g.rate)}`).join('，'), ['乡镇或部门', '下发', '已签', '签订率'],
      groups.map(g => [esc(g.name), g.issued, g.signed, pct(g.rate)]));
    draw(coverageEl, bars(groups.map(g => g.name), [{ name: '签订率', data: groups.map(g => +(100 * g.rate).toFixed(1)),
      itemStyle: { color: BLUE } }], { percent: true }));
  }
  if (readiness) {
    const complete = readiness.filter(r => r.complete).length;
    const threeNone = readiness.filter(r => r.threeNone).length;
    const parts = [['基础工作完备', complete, GREEN], ['尚不完备', readiness.length - complete - threeNone, YELLOW], ['“三无”单位', threeNone, RED]];
    const readinessEl = card('readiness', '基础工作与“三无”单位', `${readiness.length} 个单位：“三无”指无专职人员、无办公室、无文件。`,
      parts.map(p => `${p[0]} ${p[1]}`).join('，'), ['情况', '单位数'], parts.map(p => [p[0], p[1]]));
    draw(readinessEl, { tooltip: { trigger: 'item' }, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['40%', '70%'],
      label: { formatter: '{b}\n{c}' }, data: parts.map(([name, value, color]) => ({ name, value, itemStyle: { color } })) }] });
  }
  if (rollup && rollup.total.points > 0) {
    const groups = [...rollup.regions, ...rollup.departments];
    const scoreEl = card('scorecards', '测评指标得分', `${rollup.year} 年：已得 ${rollup.total.secured} / ${rollup.total.points} 分，`
      + `${rollup.total.atRisk} 分因问题未整改存在风险；${rollup.total.ready} 个单位可迎检。`,
      groups.map(g => `${g.name} ${pct(g.totals.securedRate)}`).join('，'), ['乡镇或部门', '应得', '已得', '风险', '得分率'],
      groups.map(g => [esc(g.name), g.totals.points, g.totals.secured, g.totals.atRisk, pct(g.totals.securedRate)]));
    draw(scoreEl, bars(groups.map(g => g.name), [{ name: '得分率', data: groups.map(g => +(100 * g.totals.securedRate).toFixed(1)),
      itemStyle: { color: GREEN } }], { percent: true }));
  }
  return `${nameOf(root)}：${townships.length} 个乡镇`;
}

/**
 * The townships on the county's map, coloured by closure rate (red low, green high), when the county office has
 * uploaded their outlines (PUT /units/{id}/boundaries); a click drills down as the league table does.
 */
function townshipMap(root, outlines, townships) {
  const byCode = new Map(townships.map(t => [t.key, t]));
  const shown = outlines.features.map(f => ({ code: f.properties.code, name: f.properties.name, row: byCode.get(f.properties.code) }));
  const mapEl = card('map', '乡镇整改销号率地图', '颜色越红，整改销号率越低；灰色为没有整改任务的乡镇。点击乡镇查看其单位。',
    shown.map(t => `${t.name} ${t.row ? pct(t.row.closureRate) : '无任务'}`).join('，'), ['乡镇', '任务', '销号率'],
    shown.map(t => [`<a href="#/township/${esc(t.code)}">${esc(t.name)}</a>`, t.row?.total ?? 0, t.row ? pct(t.row.closureRate) : '—']));
  const name = `townships-${root.code}`;
  echarts.registerMap(name, outlines);
  draw(mapEl, {
    tooltip: { trigger: 'item', formatter: p => `${esc(p.name)}：${p.value == null || isNaN(p.value) ? '无任务' : p.value + '%'}` },
    visualMap: { type: 'continuous', min: 0, max: 100, left: 8, bottom: 8, text: ['100%', '0%'], calculable: false,
      inRange: { color: [RED, YELLOW, GREEN] }, textStyle: { color: large ? '#e8eefc' : '#1d1b20' } },
    series: [{ type: 'map', map: name, roam: false, label: { show: true, fontSize: large ? 14 : 12 },
      itemStyle: { areaColor: '#c9c5cf', borderColor: '#fff' }, emphasis: { label: { show: true } },
      data: shown.filter(t => t.row).map(t => ({ name: t.name, value: +(100 * t.row.closureRate).toFixed(1) })) }]
  }, e => { const t = shown.find(s => s.name === e.name); if (t) location.hash = `#/township/${t.code}`; });
}

async function township(code) {
  const unit = await get(`/units/by-code/${encodeURIComponent(code)}`);
  const figures = await get(`/figures?by=UNIT&within=${unit.id}`);
  const rows = figures.rows;
  const el = card('units', `${nameOf(unit)}：各单位整改进展`, `共 ${figures.total.total} 项任务，已销号 ${figures.total.verified} 项，`
      + `逾期 ${figures.total.overdue} 项。点击单位查看其任务。`, rows.map(r => `${r.name} ${pct(r.closureRate)}`).join('，'),
    ['单位', '任务', '已销号', '逾期', '销号率'],
    rows.map(r => [`<a href="#/unit/${esc(r.key)}">${esc(r.name)}</a>`, r.total, r.verified, r.overdue, pct(r.closureRate)]));
  draw(el, bars(rows.map(r => r.name), [{ name: '销号率', data: rows.map(r => +(100 * r.closureRate).toFixed(1)),
    itemStyle: { color: RED } }], { percent: true }), e => { location.hash = `#/unit/${rows[e.dataIndex].key}`; });
  return nameOf(unit);
}

async function unitPage(code) {
  const unit = await get(`/units/by-code/${encodeURIComponent(code)}`);
  const tasks = await get(`/tasks?unitId=${unit.id}&limit=100`);
  const words = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯' };
  const states = { ASSIGNED: '已交办', IN_PROGRESS: '整改中', SUBMITTED: '待验收', VERIFIED: '已销号', REJECTED: '验收未通过', HANDED_BACK: '已退办' };
  $('view').insertAdjacentHTML('beforeend', `<section class="card" id="tasks" aria-labelledby="tasks-h"><h2 id="tasks-h">${esc(nameOf(unit))}：整改任务</h2>`
    + `<table><thead><tr><th scope="col">任务</th><th scope="col">时限</th><th scope="col">状态</th><th scope="col">预警</th></tr></thead><tbody>${
      tasks.items.map(t => `<tr><th scope="row">${esc(t.title)}</th><td>${esc(t.deadline)}</td><td>${esc(states[t.state] || t.state)}</td>`
        + `<td class="${t.warning === 'RED' ? 'red' : ''}">${t.state === 'VERIFIED' ? '—' : esc(words[t.warning] || '')}</td></tr>`).join('')
    }</tbody></table></section>`);
  return nameOf(unit);
}

async function route() {
  charts.forEach(c => c.dispose());
  charts = [];
  $('view').innerHTML = '';
  document.body.dataset.ready = '';
  const me = user();
  const [, kind, code] = location.hash.match(/^#\/(township|unit)\/(.+)$/) || [];
  status('正在加载…');
  try {
    const root = await get(`/units/by-code/${encodeURIComponent(me.unitCode)}`);
    let crumbs = `<a href="#">${esc(nameOf(root))}</a>`;
    const shown = kind === 'township' ? await township(decodeURIComponent(code))
      : kind === 'unit' ? await unitPage(decodeURIComponent(code)) : await county(root);
    // drawn while the grid filled up: each chart takes its card's final width
    charts.forEach(c => c.resize());
    if (kind) crumbs += ` › ${esc(shown)}`;
    $('crumbs').innerHTML = crumbs;
    status(`${shown} · 数据截至 ${new Date().toLocaleString('zh-CN', { hour12: false })}`);
    document.body.dataset.ready = kind || 'county';
  } catch (e) {
    status(e instanceof Refused ? `无法显示：${e.message}` : `加载失败：${e.message}`);
  }
}

async function start() {
  if (large) document.body.classList.add('large');
  $('screen').href = large ? '.' : '?screen=large';
  $('screen').textContent = large ? '普通模式' : '大屏模式';
  try {
    await completeLogin();
  } catch (e) {
    status(`登录未完成：${e.message}`);
  }
  if (!user()) {
    status('请先登录。');
    $('login').hidden = false;
    $('login').addEventListener('click', () => login());
    return;
  }
  $('who').textContent = user().name;
  $('logout').hidden = false;
  $('logout').addEventListener('click', () => logout());
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  if (large) setInterval(route, 60000);
  await route();
}

start();

// /targets (scrape pools with each target's endpoint, health, labels, last scrape, duration and
// error; "All" or "Unhealthy" filter) and /service-discovery (each target's discovered labels
// beside the labels after relabelling, dropped targets included), from /api/v1/targets.
import {ago, api, el, errorBox, formatDuration, page, replace, safeHref, table} from './dom.js';

function labelBadges(labels) {
  return el('div', {class: 'labels'}, Object.keys(labels || {}).sort()
    .map((k) => el('span', {class: 'badge label-badge'}, `${k}="${labels[k]}"`)));
}

function healthBadge(health) {
  const h = (health || 'unknown').toLowerCase();
  const cls = h === 'up' ? 'badge-success' : h === 'down' ? 'badge-danger' : 'badge-warning';
  return el('span', {class: `badge state ${cls}`}, h.toUpperCase());
}

function groupBy(items, key) {
  const groups = new Map();
  for (const t of items) {
    const k = key(t);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(t);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function poolSection(pool, targets, now) {
  const up = targets.filter((t) => t.health === 'up').length;
  const body = table(['Endpoint', 'State', 'Labels', 'Last Scrape', 'Scrape Duration', 'Error'],
    targets.map((t) => [
      el('a', {href: safeHref(t.scrapeUrl), class: 'endpoint'}, t.scrapeUrl),
      healthBadge(t.health),
      labelBadges(t.labels),
      el('span', {class: 'last-scrape', title: t.lastScrape}, ago(t.lastScrape, now)),
      formatDuration((t.lastScrapeDuration || 0) * 1000),
      t.lastError ? el('span', {class: 'scrape-error text-danger'}, t.lastError) : '',
    ]), 'targets-table');
  const toggle = el('button', {type: 'button', class: 'btn btn-sm', onclick: () => {
    body.hidden = !body.hidden;
    toggle.textContent = body.hidden ? 'show more' : 'show less';
  }}, 'show less');
  return el('section', {class: 'pool', 'data-pool': pool},
    el('h3', {}, el('span', {class: up === targets.length ? 'text-success' : 'text-danger'},
      `${pool} (${up}/${targets.length} up)`), ' ', toggle), body);
}

export async function render(root) {
  const body = page(root, 'Targets');
  let data;
  try {
    data = await api('/api/v1/targets', {state: 'active'});
  } catch (e) {
    replace(body, errorBox('Error fetching targets: ' + e.message));
    return;
  }
  const active = data.activeTargets || [];
  const pools = groupBy(active, (t) => t.scrapePool);
  const list = el('div', {class: 'pools'});
  const show = (unhealthyOnly) => {
    const now = Date.now();
    replace(list, pools
      .map(([pool, ts]) => [pool, unhealthyOnly ? ts.filter((t) => t.health !== 'up') : ts])
      .filter(([, ts]) => ts.length)
      .map(([pool, ts]) => poolSection(pool, ts, now)));
    if (!list.childElementCount) list.append(el('div', {class: 'empty-result'}, 'No targets.'));
  };
  replace(body,
    el('div', {class: 'btn-group filter'},
      el('button', {type: 'button', class: 'btn', onclick: () => show(false)}, 'All'),
      el('button', {type: 'button', class: 'btn', onclick: () => show(true)}, 'Unhealthy')),
    list);
  show(false);
}

export async function renderDiscovery(root) {
  const body = page(root, 'Service Discovery');
  let data;
  try {
    data = await api('/api/v1/targets');
  } catch (e) {
    replace(body, errorBox('Error fetching targets: ' + e.message));
    return;
  }
  const rows = [
    ...(data.activeTargets || []).map((t) => ({pool: t.scrapePool, discovered: t.discoveredLabels, labels: t.labels})),
    ...(data.droppedTargets || []).map((t) => ({pool: (t.discoveredLabels || {}).job || '', discovered: t.discoveredLabels})),
  ];
  const pools = groupBy(rows, (r) => r.pool);
  replace(body,
    el('ul', {class: 'pool-index'}, pools.map(([pool, rs]) => el('li', {},
      `${pool} (${rs.filter((r) => r.labels).length} / ${rs.length} active targets)`))),
    pools.map(([pool, rs]) => el('section', {class: 'pool'}, el('h3', {}, pool),
      table(['Discovered Labels', 'Target Labels'],
        rs.map((r) => [labelBadges(r.discovered), r.labels ? labelBadges(r.labels) : el('span', {class: 'muted'}, 'Dropped')])))),
    pools.length ? null : el('div', {class: 'empty-result'}, 'No targets.'));
}

// /alerts (alerting rules by file and group, filtered by state, each with its definition and
// active alerts) and /rules (every rule group with health, error and evaluation times), from
// /api/v1/rules. A server without that endpoint (404) gets a plain notice, not an error.
import {ago, api, durationText, el, errorBox, formatDuration, page, replace, table} from './dom.js';

async function groups(body, params) {
  try {
    const data = await api('/api/v1/rules', params);
    return data.groups || [];
  } catch (e) {
    replace(body, e.status === 404
      ? el('div', {class: 'alert alert-info'}, 'This server has no rules endpoint (/api/v1/rules answered 404): no rules are loaded.')
      : errorBox('Error fetching rules: ' + e.message));
    return null;
  }
}

function graphLink(expr) {
  return el('a', {href: '/graph?' + new URLSearchParams({'g0.expr': expr, 'g0.tab': '1'})}, expr);
}

function mapLines(title, map) {
  const keys = Object.keys(map || {}).sort();
  return keys.length ? [`\n${title}:`, keys.map((k) => `\n  ${k}: ${map[k]}`)] : [];
}

/** The rule as YAML-like text, its expression linked to the expression browser. */
function definition(rule) {
  const alerting = rule.type === 'alerting';
  return el('pre', {class: 'rule-definition'},
    `${alerting ? 'alert' : 'record'}: ${rule.name}\nexpr: `, graphLink(rule.query || ''),
    alerting && rule.duration ? `\nfor: ${durationText(rule.duration * 1000)}` : '',
    mapLines('labels', rule.labels), alerting ? mapLines('annotations', rule.annotations) : []);
}

function labelBadges(labels) {
  return Object.keys(labels || {}).sort().map((k) => el('span', {class: 'badge label-badge'}, `${k}="${labels[k]}"`));
}

const STATE_CLASS = {firing: 'badge-danger', pending: 'badge-warning', inactive: 'badge-success'};

function alertRule(rule, showAnnotations) {
  const alerts = rule.alerts || [];
  const details = el('details', {class: `alert-rule state-${rule.state}`},
    el('summary', {}, el('span', {class: 'rule-name'}, rule.name), ` (${alerts.length} active)`),
    definition(rule),
    alerts.length ? table(['Labels', 'State', 'Active Since', 'Value'].concat(showAnnotations ? ['Annotations'] : []),
      alerts.map((a) => [labelBadges(a.labels),
        el('span', {class: 'badge ' + (STATE_CLASS[a.state] || '')}, (a.state || '').toUpperCase()),
        a.activeAt || '', a.value || '']
        .concat(showAnnotations ? [el('pre', {}, mapLines('annotations', a.annotations))] : []))) : null);
  details.open = rule.state !== 'inactive';
  return details;
}

export async function renderAlerts(root) {
  const body = page(root, 'Alerts');
  const gs = await groups(body, {type: 'alert'});
  if (!gs) return;
  const rules = gs.flatMap((g) => (g.rules || []).filter((r) => r.type === 'alerting').map((r) => ({g, r})));
  const states = ['inactive', 'pending', 'firing'];
  const shown = new Set(states);
  let showAnnotations = false;
  const list = el('div', {class: 'alert-rules'});
  const draw = () => {
    const byGroup = new Map();
    for (const {g, r} of rules.filter(({r}) => shown.has(r.state))) {
      const key = `${g.file} > ${g.name}`;
      if (!byGroup.has(key)) byGroup.set(key, []);
      byGroup.get(key).push(alertRule(r, showAnnotations));
    }
    replace(list, [...byGroup].map(([key, nodes]) => el('section', {class: 'rule-group'}, el('h3', {}, key), nodes)));
    if (!rules.length) list.append(el('div', {class: 'empty-result'}, 'No alerting rules.'));
  };
  const check = (label, checked, onchange) => el('label', {class: 'check'},
    el('input', {type: 'checkbox', checked, onchange}), ' ' + label);
  replace(body, el('div', {class: 'controls'},
    states.map((s) => check(`${s[0].toUpperCase()}${s.slice(1)} (${rules.filter(({r}) => r.state === s).length})`, true,
      (e) => {
        if (e.target.checked) shown.add(s);
        else shown.delete(s);
        draw();
      })),
    check('Show annotations', false, (e) => {
      showAnnotations = e.target.checked;
      draw();
    })), list);
  draw();
}

function healthBadge(health) {
  const cls = health === 'ok' ? 'badge-success' : health === 'err' ? 'badge-danger' : 'badge-warning';
  return el('span', {class: 'badge ' + cls}, (health || 'unknown').toUpperCase());
}

export async function renderRules(root) {
  const body = page(root, 'Rules');
  const gs = await groups(body);
  if (!gs) return;
  const now = Date.now();
  replace(body, gs.length ? gs.map((g) => el('section', {class: 'rule-group'},
    el('h3', {}, g.name, el('small', {class: 'muted'}, `  ${g.file}  last evaluation ${ago(g.lastEvaluation, now)},`
      + ` evaluation time ${formatDuration((g.evaluationTime || 0) * 1000)}, interval ${g.interval}s`)),
    table(['Rule', 'State', 'Error', 'Last Evaluation', 'Evaluation Time'], (g.rules || []).map((r) => [
      definition(r), healthBadge(r.health), r.lastError ? el('span', {class: 'text-danger'}, r.lastError) : '',
      ago(r.lastEvaluation, now), formatDuration((r.evaluationTime || 0) * 1000)]), 'rules-table')))
    : el('div', {class: 'empty-result'}, 'No rule groups.'));
}

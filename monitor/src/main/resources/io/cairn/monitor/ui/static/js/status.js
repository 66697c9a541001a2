// The status pages, from /api/v1/status/*: /config (the YAML, with a copy button), /flags
// (filterable), /status (runtime and build information, alertmanagers) and /tsdb-status (head
// stats and the top-10 cardinality lists).
import {api, el, errorBox, formatTime, page, replace, safeHref, table} from './dom.js';

async function load(body, path, what) {
  try {
    return await api(path);
  } catch (e) {
    replace(body, errorBox(`Error fetching ${what}: ${e.message}`));
    return null;
  }
}

export async function renderConfig(root) {
  const body = page(root, 'Configuration');
  const data = await load(body, '/api/v1/status/config', 'the configuration');
  if (!data) return;
  const pre = el('pre', {class: 'config-yaml'}, data.yaml);
  const copy = el('button', {type: 'button', class: 'btn', onclick: () => {
    navigator.clipboard.writeText(data.yaml)
      .then(() => { copy.textContent = 'Copied'; })
      .catch(() => { copy.textContent = 'Copy failed (select the text instead)'; });
  }}, 'Copy to clipboard');
  replace(body, copy, pre);
}

export async function renderFlags(root) {
  const body = page(root, 'Command-Line Flags');
  const data = await load(body, '/api/v1/status/flags', 'the flags');
  if (!data) return;
  const names = Object.keys(data).sort();
  const rows = el('div');
  const filter = el('input', {type: 'text', class: 'form-control flag-filter', placeholder: 'Filter by flag name or value'});
  const draw = () => {
    const f = filter.value.toLowerCase();
    replace(rows, table(['Flag', 'Value'], names
      .filter((n) => n.toLowerCase().includes(f) || String(data[n]).toLowerCase().includes(f))
      .map((n) => ['--' + n, String(data[n])]), 'flags-table'));
  };
  filter.addEventListener('input', draw);
  replace(body, filter, rows);
  draw();
}

const RUNTIME_NAMES = {
  startTime: 'Start time', CWD: 'Working directory', reloadConfigSuccess: 'Configuration reload',
  lastConfigTime: 'Last successful configuration reload', corruptionCount: 'WAL corruptions',
  goroutineCount: 'Goroutines', GOMAXPROCS: 'GOMAXPROCS', GOGC: 'GOGC', GODEBUG: 'GODEBUG',
  storageRetention: 'Storage retention',
};

function runtimeValue(key, v) {
  if (key === 'reloadConfigSuccess') return v ? 'Successful' : 'Unsuccessful';
  return String(v);
}

export async function renderStatus(root) {
  const body = page(root, 'Runtime & Build Information');
  const [runtime, build, ams] = await Promise.all([
    load(body, '/api/v1/status/runtimeinfo', 'the runtime information'),
    load(body, '/api/v1/status/buildinfo', 'the build information'),
    load(body, '/api/v1/alertmanagers', 'the alertmanagers'),
  ]);
  if (!runtime || !build || !ams) return;
  const active = ams.activeAlertmanagers || [];
  replace(body,
    el('h3', {}, 'Runtime Information'),
    table(['Name', 'Value'], Object.keys(runtime).map((k) => [RUNTIME_NAMES[k] || k, runtimeValue(k, runtime[k])]), 'runtime-table'),
    el('h3', {}, 'Build Information'),
    table(['Name', 'Value'], Object.keys(build).map((k) => [k, String(build[k])]), 'build-table'),
    el('h3', {}, 'Alertmanagers'),
    active.length ? table(['Endpoint'], active.map((a) => [el('a', {href: safeHref(a.url)}, a.url)]))
      : el('div', {class: 'empty-result'}, 'No alertmanagers.'));
}

function stats(title, list, column) {
  return [el('h3', {}, title), table(['Name', column], (list || []).map((s) => [s.name, String(s.value)]), 'tsdb-table')];
}

export async function renderTsdb(root) {
  const body = page(root, 'TSDB Status');
  const data = await load(body, '/api/v1/status/tsdb', 'the TSDB status');
  if (!data) return;
  const h = data.headStats || {};
  const time = (ms) => (Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? formatTime(ms) + ` (${ms})` : String(ms));
  replace(body,
    el('h3', {}, 'Head Stats'),
    table(['Number of Series', 'Number of Chunks', 'Number of Label Pairs', 'Current Min Time', 'Current Max Time'],
      [[String(h.numSeries), String(h.chunkCount), String(h.numLabelPairs), time(h.minTime), time(h.maxTime)]], 'head-stats'),
    stats('Top 10 label names with value count', data.labelValueCountByLabelName, 'Count'),
    stats('Top 10 series count by metric names', data.seriesCountByMetricName, 'Count'),
    stats('Top 10 label names with high memory usage', data.memoryInBytesByLabelName, 'Bytes'),
    stats('Top 10 series count by label value pairs', data.seriesCountByLabelValuePair, 'Count'));
}

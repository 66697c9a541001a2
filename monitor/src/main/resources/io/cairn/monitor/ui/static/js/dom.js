// Shared by every page: building DOM from text only (never innerHTML with data), calling the JSON
// API with one error shape, and the formatters Prometheus's UI uses (labels, durations, times).

/** el('td', {class: 'x', onclick: f}, 'text', child): an element; strings become text nodes. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked') e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    parent.append(c instanceof Node ? c : String(c));
  }
}

/** The URL if it is http(s) or a path on this server, else null (no javascript: links from data). */
export function safeHref(url) {
  return typeof url === 'string' && /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : null;
}

/** Empties a node and fills it with the children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A visible error box (class alert-danger, like Prometheus's). */
export function errorBox(message) {
  return el('div', {class: 'alert alert-danger', role: 'alert'}, message);
}

/** An API answer that is not {"status":"success"}: the HTTP status and Prometheus's error text. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * GET (or POST as a form when `post`) an /api/v1 endpoint; resolves to its `data`, rejects with an
 * ApiError carrying "errorType: error" or the HTTP status and the start of the body.
 */
export async function api(path, params, post) {
  const query = params ? new URLSearchParams(params) : null;
  const url = query && !post ? path + '?' + query : path;
  let resp;
  try {
    resp = await fetch(url, post ? {method: 'POST', body: query} : {});
  } catch (e) {
    throw new ApiError('cannot reach the server: ' + e.message, 0);
  }
  const text = await resp.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: reported below with the HTTP status
  }
  if (resp.ok && body && body.status === 'success') return body.data;
  const message = body && body.error
    ? (body.errorType ? body.errorType + ': ' : '') + body.error
    : `HTTP ${resp.status} ${resp.statusText}${text ? ': ' + text.trim().slice(0, 200) : ''}`;
  throw new ApiError(message, resp.status);
}

/** up{instance="a", job="b"}, as Prometheus's UI writes a series. */
export function metricText(metric) {
  const m = metric || {};
  const name = m.__name__ || '';
  const labels = Object.keys(m).filter((k) => k !== '__name__').sort()
    .map((k) => `${k}=${JSON.stringify(m[k])}`);
  return labels.length || !name ? `${name}{${labels.join(', ')}}` : name;
}

/** 1.234s, 12.345ms, 308ms, 2m 3s, 1h 2m, 3d 4h: a duration in milliseconds. */
export function formatDuration(ms) {
  if (!isFinite(ms)) return '-';
  const neg = ms < 0 ? '-' : '';
  ms = Math.abs(ms);
  if (ms < 1000) return `${neg}${+ms.toFixed(3)}ms`;
  if (ms < 60000) return `${neg}${+(ms / 1000).toFixed(3)}s`;
  const units = [['d', 86400000], ['h', 3600000], ['m', 60000], ['s', 1000]];
  const parts = [];
  for (const [u, size] of units) {
    const n = Math.floor(ms / size);
    ms -= n * size;
    if (n > 0 && parts.length < 2) parts.push(n + u);
  }
  return neg + parts.join(' ');
}

/** "3.210s ago" for an RFC 3339 time; "never" for Go's zero time. */
export function ago(rfc3339, now = Date.now()) {
  const t = Date.parse(rfc3339);
  if (!isFinite(t) || t <= 0) return 'never';
  return formatDuration(now - t) + ' ago';
}

/** 2023-01-02 03:04:05 (UTC; milliseconds when not zero). */
export function formatTime(ms) {
  if (!isFinite(ms)) return '-';
  const s = new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  return s.endsWith('.000') ? s.slice(0, -4) : s;
}

/** Parses 2023-01-02 03:04:05 (or an ISO form) as UTC; NaN when it is not a time. */
export function parseTime(text) {
  const t = text.trim().replace(' ', 'T');
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(t)) return NaN;
  return Date.parse(t.length === 10 ? t + 'T00:00:00Z' : t + 'Z');
}

/** Parses Prometheus's durations (1y2w3d4h5m6s7ms) to milliseconds; NaN when not one. */
export function parseDuration(text) {
  const m = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(text.trim());
  if (!m || text.trim() === '') return NaN;
  const sizes = [31536000000, 604800000, 86400000, 3600000, 60000, 1000, 1];
  return sizes.reduce((sum, size, i) => sum + (m[i + 1] ? Number(m[i + 1]) * size : 0), 0);
}

/** The shortest Prometheus duration for milliseconds: 1h30m, 5m, 1d. */
export function durationText(ms) {
  if (!(ms > 0)) return '0s';
  const sizes = [['y', 31536000000], ['w', 604800000], ['d', 86400000], ['h', 3600000], ['m', 60000], ['s', 1000], ['ms', 1]];
  let out = '';
  for (const [u, size] of sizes) {
    const n = Math.floor(ms / size);
    if (n > 0) {
      out += n + u;
      ms -= n * size;
    }
  }
  return out;
}

/** A page heading plus a body node to fill; `root` is main#app. */
export function page(root, title) {
  const body = el('div', {class: 'page-body'});
  replace(root, el('h2', {}, title), body);
  return body;
}

/** A table with a header row and rows of cells (strings or nodes). */
export function table(headers, rows, cls) {
  return el('table', {class: 'table ' + (cls || '')},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))));
}

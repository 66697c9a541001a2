// The expression browser (/graph): panels whose state lives in the URL as Prometheus's does
// (g0.expr, g0.tab with 0 = graph and 1 = table, g0.range_input, g0.end_input, g0.moment_input,
// g0.step_input, g0.stacked), so links such as alert generator URLs open the right query; and the
// query history shared by all panels, kept in localStorage.
import {el, replace} from './dom.js';
import {Panel} from './panel.js';

const HISTORY_KEY = 'cairn.queryHistory';
const HISTORY_SIZE = 50;

/** The recent queries, newest first; an unreadable store reads as empty. */
export const queryHistory = {
  list() {
    try {
      const v = JSON.parse(localStorage.getItem(HISTORY_KEY));
      return Array.isArray(v) ? v.filter((s) => typeof s === 'string') : [];
    } catch {
      return [];
    }
  },
  add(expr) {
    const list = [expr, ...this.list().filter((e) => e !== expr)].slice(0, HISTORY_SIZE);
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(list));
    } catch {
      // storage full or disabled: the history is only a convenience
    }
  },
  clear() {
    try {
      localStorage.removeItem(HISTORY_KEY);
    } catch {
      // as above
    }
  },
};

/** The panels' options from g<N>.<key> parameters, ordered by N. */
export function panelsFromUrl(search) {
  const byIndex = new Map();
  for (const [k, v] of new URLSearchParams(search)) {
    const m = /^g(\d+)\.(.+)$/.exec(k);
    if (!m) continue;
    const i = Number(m[1]);
    if (!byIndex.has(i)) byIndex.set(i, {});
    byIndex.get(i)[m[2]] = v;
  }
  return [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i));
}

export function render(root) {
  const panels = [];
  const list = el('div', {class: 'panels'});
  const save = () => {
    const params = new URLSearchParams();
    panels.forEach((p, i) => {
      for (const [k, v] of Object.entries(p.state())) {
        if (v !== '' && v != null) params.set(`g${i}.${k}`, v);
      }
    });
    window.history.replaceState(null, '', '/graph?' + params);
  };
  const add = (options) => {
    const panel = new Panel(options, {
      history: queryHistory,
      changed: save,
      remove: () => {
        panels.splice(panels.indexOf(panel), 1);
        panel.destroy();
        save();
      },
    });
    panels.push(panel);
    list.append(panel.node);
    return panel;
  };
  const initial = panelsFromUrl(window.location.search);
  replace(root, list, el('button', {class: 'btn btn-primary add-panel', type: 'button', onclick: () => {
    add({}).focus();
    save();
  }}, 'Add Panel'));
  (initial.length ? initial : [{}]).forEach(add);
  for (const p of panels) p.execute(false);
}

// The Table tab's rendering of an instant query's answer: one row per series (its labels and
// value; a range vector's samples as "value @timestamp" lines), or the scalar or string. At most
// MAX_ROWS rows are drawn, with a note when there are more.
import {el} from './dom.js';

const MAX_ROWS = 10000;

/** up{instance="a", job="b"} with the name and each label in their own span. */
export function seriesNode(metric) {
  const m = metric || {};
  const names = Object.keys(m).filter((k) => k !== '__name__').sort();
  const parts = [el('span', {class: 'metric-name'}, m.__name__ || '')];
  if (names.length || !m.__name__) {
    parts.push('{');
    names.forEach((k, i) => {
      if (i > 0) parts.push(', ');
      parts.push(el('span', {class: 'label-name'}, k), '=', el('span', {class: 'label-value'}, JSON.stringify(m[k])));
    });
    parts.push('}');
  }
  return el('span', {class: 'series'}, parts);
}

function rowsOf(data) {
  switch (data.resultType) {
    case 'vector':
      return data.result.map((s) => [seriesNode(s.metric), s.value[1]]);
    case 'matrix':
      return data.result.map((s) => [seriesNode(s.metric),
        el('span', {class: 'samples'}, s.values.map(([t, v]) => `${v} @${t}`).join('\n'))]);
    case 'scalar':
      return [[el('span', {class: 'series'}, 'scalar'), data.result[1]]];
    case 'string':
      return [[el('span', {class: 'series'}, 'string'), data.result[1]]];
    default:
      return [[el('span', {class: 'series'}, 'unknown result type ' + data.resultType), '']];
  }
}

/** The table (or "Empty query result") for an instant query's data. */
export function resultTable(data) {
  const rows = rowsOf(data);
  if (rows.length === 0) return el('div', {class: 'empty-result'}, 'Empty query result');
  const shown = rows.slice(0, MAX_ROWS);
  return el('div', {},
    rows.length > MAX_ROWS
      ? el('div', {class: 'alert alert-warning'}, `Showing ${MAX_ROWS} of ${rows.length} series.`) : null,
    el('table', {class: 'table data-table'}, el('tbody', {},
      shown.map(([series, value]) => el('tr', {}, el('td', {}, series), el('td', {class: 'value'}, value))))));
}

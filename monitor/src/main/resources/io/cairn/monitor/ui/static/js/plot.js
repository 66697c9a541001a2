// The Graph tab's chart: a Chart.js line chart of a range query's matrix (x = time in ms, UTC
// ticks; a missing step breaks the line as Prometheus's graph does), optionally stacked, with an
// HTML legend of the series labels below it. Clicking a legend entry shows only that series;
// clicking it again shows all. Chart.js comes from its WebJar as the global `Chart`.
import {el, formatTime, metricText, replace} from './dom.js';

// flot's palette, which Prometheus's graph has used since its first UI.
const PALETTE = [[237, 194, 64], [175, 216, 248], [203, 75, 75], [77, 167, 77], [148, 64, 237], [189, 155, 51],
  [140, 172, 198], [162, 60, 60], [61, 133, 61], [118, 51, 189]];

function color(i, alpha) {
  const [r, g, b] = PALETTE[i % PALETTE.length].map((c) => Math.max(0, c - 30 * Math.floor(i / PALETTE.length)));
  return alpha == null ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** The points of one series, with a null wherever a step has no sample (a gap). */
function points(values, stepMs) {
  const out = [];
  let prev = null;
  for (const [t, v] of values) {
    const x = t * 1000;
    if (prev != null && x - prev > stepMs * 1.5) out.push({x: prev + stepMs, y: null});
    const y = Number(v);
    out.push({x, y: isFinite(y) ? y : null});
    prev = x;
  }
  return out;
}

/** Whether the point has no drawn neighbour, so that a line would not show it: it gets a dot. */
function isolated(data, i) {
  const y = (j) => (j >= 0 && j < data.length ? data[j].y : null);
  return y(i) != null && y(i - 1) == null && y(i + 1) == null;
}

const PREFIXES = [[1e24, 'Y'], [1e21, 'Z'], [1e18, 'E'], [1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];

/** 1.5k, 2M, 0.25: a y-axis value. */
export function formatValue(v) {
  const abs = Math.abs(v);
  for (const [size, prefix] of PREFIXES) {
    if (abs >= size) return +(v / size).toPrecision(4) + prefix;
  }
  return String(+v.toPrecision(4));
}

function tickLabel(ms, rangeMs) {
  const s = formatTime(Math.round(ms)).replace(/\.\d+$/, '');
  return rangeMs > 86400000 ? s.slice(5, 16) : s.slice(11, 19);
}

function renderLegend(legend, chart) {
  const items = chart.data.datasets.map((d, i) => el('div', {class: 'legend-item', role: 'button', tabindex: 0,
    onclick: () => {
      const only = chart.data.datasets.every((_, j) => chart.isDatasetVisible(j) === (j === i));
      chart.data.datasets.forEach((_, j) => chart.setDatasetVisibility(j, only || j === i));
      chart.update();
      legend.querySelectorAll('.legend-item').forEach((n, j) => n.classList.toggle('faded', !chart.isDatasetVisible(j)));
    }},
  el('span', {class: 'legend-swatch', style: `background-color: ${d.borderColor}`}),
  el('span', {class: 'legend-label'}, d.label)));
  replace(legend, items.length ? items : el('div', {class: 'empty-result'}, 'No datapoints found.'));
}

/**
 * Draws `data` (a matrix) into `wrapper` and its legend into `legend`; returns the Chart (call
 * destroy() before drawing again). `range` = {startMs, endMs, stepMs, stacked}.
 */
export function drawChart(wrapper, legend, data, range) {
  if (typeof window.Chart !== 'function') throw new Error('the charting library (Chart.js) did not load');
  const canvas = el('canvas', {class: 'graph-canvas', role: 'img', 'aria-label': 'graph'});
  replace(wrapper, canvas);
  const series = data.resultType === 'matrix' ? data.result : [];
  const datasets = series.map((s, i) => ({
    label: metricText(s.metric),
    data: points(s.values, range.stepMs),
    borderColor: color(i),
    backgroundColor: range.stacked ? color(i, 0.4) : color(i),
    fill: range.stacked ? (i === 0 ? 'origin' : '-1') : false,
    borderWidth: 2,
    pointRadius: (ctx) => (isolated(ctx.dataset.data, ctx.dataIndex) ? 2 : 0),
    pointHitRadius: 5,
    spanGaps: false,
    tension: 0,
  }));
  const chart = new window.Chart(canvas, {
    type: 'line',
    data: {datasets},
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      normalized: true,
      interaction: {mode: 'nearest', intersect: false, axis: 'x'},
      scales: {
        x: {type: 'linear', min: range.startMs, max: range.endMs,
          ticks: {maxRotation: 0, autoSkipPadding: 20, callback: (v) => tickLabel(v, range.endMs - range.startMs)}},
        y: {stacked: range.stacked, ticks: {callback: (v) => formatValue(v)}},
      },
      plugins: {
        legend: {display: false},
        tooltip: {callbacks: {
          title: (items) => (items.length ? formatTime(items[0].parsed.x) : ''),
          label: (item) => `${item.dataset.label}: ${item.parsed.y}`,
        }},
      },
    },
  });
  renderLegend(legend, chart);
  return chart;
}

// One expression panel: the query box (Enter executes, Shift+Enter adds a line), its history and
// metric-name pickers, and the Table (instant query) and Graph (range query) tabs. Only the answer
// to the latest request is shown; errors go to the panel's error box.
import {api, el, errorBox, replace} from './dom.js';
import {durationText, formatTime, parseDuration, parseTime} from './dom.js';
import {resultTable} from './results.js';
import {drawChart} from './plot.js';
import {graphControls, tableControls} from './controls.js';

export class Panel {
  constructor(opts, hooks) {
    this.hooks = hooks;
    this.expr = opts.expr || '';
    this.tab = opts.tab === '0' ? 'graph' : 'table';
    this.rangeMs = parseDuration(opts.range_input || '1h') || 3600000;
    this.endMs = opts.end_input ? parseTime(opts.end_input) : NaN;
    this.momentMs = opts.moment_input ? parseTime(opts.moment_input) : NaN;
    this.stepS = opts.step_input ? Number(opts.step_input) : NaN;
    this.stacked = opts.stacked === '1';
    this.seq = 0;
    this.chart = null;
    this.build();
  }

  /** The g<N>.* parameters of this panel. */
  state() {
    return {
      expr: this.expr,
      tab: this.tab === 'graph' ? '0' : '1',
      stacked: this.stacked ? '1' : '0',
      show_exemplars: '0',
      range_input: durationText(this.rangeMs),
      end_input: isFinite(this.endMs) ? formatTime(this.endMs) : '',
      moment_input: isFinite(this.momentMs) ? formatTime(this.momentMs) : '',
      step_input: isFinite(this.stepS) && this.stepS > 0 ? String(this.stepS) : '',
    };
  }

  build() {
    this.input = el('textarea', {class: 'expression-input', rows: 1, spellcheck: 'false', autocomplete: 'off',
      placeholder: 'Expression (press Shift+Enter for newlines)', 'aria-label': 'Expression', value: this.expr,
      onkeydown: (e) => {
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          this.execute(true);
        }
      }});
    this.historyList = el('ul', {class: 'history-list', hidden: true});
    this.metrics = el('select', {class: 'metric-select', 'aria-label': 'Insert metric at cursor',
      onfocus: () => this.loadMetrics(), onchange: () => this.insertMetric()},
    el('option', {value: ''}, 'insert metric at cursor'));
    this.error = el('div', {class: 'error-slot'});
    this.tableBody = el('div', {class: 'table-result'});
    this.graphChart = el('div', {class: 'graph-chart'});
    this.graphLegend = el('div', {class: 'graph-legend'});
    this.stats = el('div', {class: 'query-stats'});
    this.tabButtons = ['table', 'graph'].map((t) => el('button', {type: 'button', class: 'tab', 'data-tab': t,
      onclick: () => this.switchTab(t)}, t === 'table' ? 'Table' : 'Graph'));
    this.tablePane = el('div', {class: 'tab-pane table-tab'}, tableControls(this), this.tableBody);
    this.graphPane = el('div', {class: 'tab-pane graph-tab'}, graphControls(this), this.graphChart, this.graphLegend);
    this.node = el('div', {class: 'panel'},
      el('div', {class: 'expression-row'}, this.input,
        el('button', {type: 'button', class: 'btn btn-primary execute-btn', onclick: () => this.execute(true)}, 'Execute'),
        el('button', {type: 'button', class: 'btn history-btn', onclick: () => this.toggleHistory()}, 'History'),
        this.metrics),
      this.historyList, this.error,
      el('div', {class: 'tabs'}, this.tabButtons, this.stats),
      this.tablePane, this.graphPane,
      el('button', {type: 'button', class: 'btn btn-link remove-panel', onclick: () => this.hooks.remove()}, 'Remove Panel'));
    this.showTab();
  }

  focus() {
    this.input.focus();
  }

  destroy() {
    if (this.chart) this.chart.destroy();
    this.node.remove();
  }

  switchTab(tab) {
    this.tab = tab;
    this.showTab();
    this.execute(false);
  }

  showTab() {
    this.tablePane.hidden = this.tab !== 'table';
    this.graphPane.hidden = this.tab !== 'graph';
    for (const b of this.tabButtons) b.classList.toggle('active', b.dataset.tab === this.tab);
  }

  toggleHistory() {
    const items = this.hooks.history.list();
    replace(this.historyList, items.length ? items.map((q) => el('li', {},
      el('button', {type: 'button', class: 'history-item', onclick: () => {
        this.input.value = q;
        this.historyList.hidden = true;
        this.execute(true);
      }}, q))) : el('li', {class: 'muted'}, 'No queries yet'));
    this.historyList.hidden = !this.historyList.hidden;
  }

  async loadMetrics() {
    if (this.metricsLoaded) return;
    this.metricsLoaded = true;
    try {
      const names = await api('/api/v1/label/__name__/values');
      this.metrics.append(...names.map((n) => el('option', {value: n}, n)));
    } catch (e) {
      this.metricsLoaded = false;
      replace(this.error, errorBox('Error fetching metric names: ' + e.message));
    }
  }

  insertMetric() {
    const name = this.metrics.value;
    this.metrics.value = '';
    if (!name) return;
    const v = this.input.value;
    const at = this.input.selectionStart ?? v.length;
    this.input.value = v.slice(0, at) + name + v.slice(this.input.selectionEnd ?? at);
    this.input.focus();
  }

  /** Runs the query of the current tab; `fromUser` records it in the history. */
  async execute(fromUser) {
    this.expr = this.input.value;
    this.hooks.changed();
    if (this.expr.trim() === '') return;
    if (fromUser) this.hooks.history.add(this.expr);
    const seq = ++this.seq;
    const started = performance.now();
    replace(this.error);
    replace(this.stats, 'Loading...');
    try {
      if (this.tab === 'table') {
        const time = isFinite(this.momentMs) ? this.momentMs / 1000 : Date.now() / 1000;
        const data = await api('/api/v1/query', {query: this.expr, time: String(time)}, true);
        if (seq !== this.seq) return;
        replace(this.tableBody, resultTable(data));
        this.showStats(started, null, data);
      } else {
        const end = isFinite(this.endMs) ? this.endMs : Date.now();
        const stepS = isFinite(this.stepS) && this.stepS > 0 ? this.stepS : Math.max(Math.floor(this.rangeMs / 250 / 1000), 1);
        const start = end - this.rangeMs;
        const data = await api('/api/v1/query_range', {query: this.expr, start: String(start / 1000),
          end: String(end / 1000), step: String(stepS)}, true);
        if (seq !== this.seq) return;
        if (this.chart) this.chart.destroy();
        this.chart = drawChart(this.graphChart, this.graphLegend, data,
          {startMs: start, endMs: end, stepMs: stepS * 1000, stacked: this.stacked});
        this.showStats(started, stepS, data);
      }
    } catch (e) {
      if (seq !== this.seq) return;
      replace(this.stats);
      replace(this.error, errorBox('Error executing query: ' + e.message));
    }
  }

  showStats(started, stepS, data) {
    const series = Array.isArray(data.result) && (data.resultType === 'vector' || data.resultType === 'matrix')
      ? data.result.length : 1;
    replace(this.stats, `Load time: ${Math.round(performance.now() - started)}ms`,
      stepS ? `   Resolution: ${stepS}s` : '', `   Result series: ${series}`);
  }
}

// The time controls of a panel, as Prometheus's: the Table tab's evaluation time, and the Graph
// tab's range (- / +  step through RANGE_STEPS), end time (<< / >> move by half the range; empty =
// now), resolution in seconds (empty = auto, range/250) and stacking. Times are UTC
// "YYYY-MM-DD HH:mm:ss". A value that does not parse turns the input red and is not applied.
import {el, durationText, formatTime, parseDuration, parseTime} from './dom.js';

const RANGE_STEPS = ['1s', '10s', '1m', '5m', '15m', '30m', '1h', '3h', '6h', '12h', '1d', '2d', '1w', '2w', '4w', '8w', '1y', '2y']
  .map(parseDuration);

function timeInput(cls, placeholder, get, set) {
  const input = el('input', {type: 'text', class: 'form-control ' + cls, placeholder, 'aria-label': placeholder,
    value: isFinite(get()) ? formatTime(get()) : ''});
  input.addEventListener('change', () => {
    const text = input.value.trim();
    const t = text === '' ? NaN : parseTime(text);
    const bad = text !== '' && !isFinite(t);
    input.classList.toggle('is-invalid', bad);
    if (!bad) set(t);
  });
  input.sync = () => {
    input.value = isFinite(get()) ? formatTime(get()) : '';
    input.classList.remove('is-invalid');
  };
  return input;
}

function shiftButton(label, title, shift) {
  return el('button', {type: 'button', class: 'btn', title, onclick: shift}, label);
}

export function tableControls(panel) {
  const apply = (t) => {
    panel.momentMs = t;
    panel.execute(false);
  };
  const input = timeInput('moment-input', 'Evaluation time', () => panel.momentMs, apply);
  const move = (sign) => () => {
    const base = isFinite(panel.momentMs) ? panel.momentMs : Date.now();
    apply(base + sign * panel.rangeMs / 2);
    input.sync();
  };
  return el('div', {class: 'controls'}, shiftButton('<', 'Move back', move(-1)), input,
    shiftButton('>', 'Move forward', move(1)));
}

export function graphControls(panel) {
  const range = el('input', {type: 'text', class: 'form-control range-input', 'aria-label': 'Range',
    value: durationText(panel.rangeMs)});
  const setRange = (ms) => {
    panel.rangeMs = ms;
    range.value = durationText(ms);
    range.classList.remove('is-invalid');
    panel.execute(false);
  };
  range.addEventListener('change', () => {
    const ms = parseDuration(range.value);
    range.classList.toggle('is-invalid', !(ms > 0));
    if (ms > 0) setRange(ms);
  });
  const smaller = () => setRange([...RANGE_STEPS].reverse().find((s) => s < panel.rangeMs) || RANGE_STEPS[0]);
  const larger = () => setRange(RANGE_STEPS.find((s) => s > panel.rangeMs) || panel.rangeMs);

  const end = timeInput('end-input', 'End time', () => panel.endMs, (t) => {
    panel.endMs = t;
    panel.execute(false);
  });
  const move = (sign) => () => {
    const base = isFinite(panel.endMs) ? panel.endMs : Date.now();
    panel.endMs = base + sign * panel.rangeMs / 2;
    end.sync();
    panel.execute(false);
  };
  const step = el('input', {type: 'text', class: 'form-control step-input', placeholder: 'Res. (s)',
    'aria-label': 'Resolution in seconds', value: isFinite(panel.stepS) && panel.stepS > 0 ? String(panel.stepS) : ''});
  step.addEventListener('change', () => {
    const v = step.value.trim() === '' ? NaN : Number(step.value);
    const bad = step.value.trim() !== '' && !(v > 0);
    step.classList.toggle('is-invalid', bad);
    if (!bad) {
      panel.stepS = v;
      panel.execute(false);
    }
  });
  const stacked = el('input', {type: 'checkbox', class: 'stacked-input', checked: panel.stacked, onchange: () => {
    panel.stacked = stacked.checked;
    panel.execute(false);
  }});
  return el('div', {class: 'controls'},
    shiftButton('-', 'Decrease range', smaller), range, shiftButton('+', 'Increase range', larger),
    shiftButton('<<', 'Move back', move(-1)), end, shiftButton('>>', 'Move forward', move(1)),
    step, el('label', {class: 'check'}, stacked, ' stacked'));
}

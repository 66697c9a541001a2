// The router: one HTML shell for every page route; the path picks which page script renders
// main#app. Each page module exports render(root) and handles its own errors (an error box, never
// an uncaught exception in the console).
import {errorBox, replace} from './dom.js';
import * as graph from './graph.js';
import * as targets from './targets.js';
import * as rules from './rules.js';
import * as status from './status.js';

const pages = {
  '/graph': graph.render,
  '/targets': targets.render,
  '/service-discovery': targets.renderDiscovery,
  '/alerts': rules.renderAlerts,
  '/rules': rules.renderRules,
  '/config': status.renderConfig,
  '/flags': status.renderFlags,
  '/status': status.renderStatus,
  '/tsdb-status': status.renderTsdb,
};

function start() {
  const path = window.location.pathname;
  for (const a of document.querySelectorAll('nav a[data-page]')) {
    if (a.dataset.page === path) a.classList.add('active');
  }
  const root = document.getElementById('app');
  const render = pages[path];
  if (!render) {
    replace(root, errorBox('No such page: ' + path));
    return;
  }
  Promise.resolve()
    .then(() => render(root))
    .catch((e) => root.append(errorBox('Error: ' + (e && e.message ? e.message : e))));
}

start();

// Copy the front-end files we serve (and axe-core, which only the browser tests inject) out of node_modules.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const files = {
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "htmx.org/LICENSE": "htmx/LICENSE",
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  "leaflet/dist/leaflet.js.map": "leaflet/leaflet.js.map",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images": "leaflet/images",
  "leaflet/LICENSE": "leaflet/LICENSE",
  "leaflet.markercluster/dist/leaflet.markercluster.js": "leaflet.markercluster/leaflet.markercluster.js",
  "leaflet.markercluster/dist/leaflet.markercluster.js.map": "leaflet.markercluster/leaflet.markercluster.js.map",
  "leaflet.markercluster/dist/MarkerCluster.css": "leaflet.markercluster/MarkerCluster.css",
  "leaflet.markercluster/dist/MarkerCluster.Default.css": "leaflet.markercluster/MarkerCluster.Default.css",
  "leaflet.markercluster/MIT-LICENCE.txt": "leaflet.markercluster/MIT-LICENCE.txt",
  "@utrecht/button-css/LICENSE.md": "utrecht/LICENSE.md",
};
// A font with every Latin and Cyrillic letter for the verification letters' PDF (names and addresses of Brussels).
const serverFiles = {
  "dejavu-fonts-ttf/ttf/DejaVuSans.ttf": "DejaVuSans.ttf",
  "dejavu-fonts-ttf/LICENSE": "DejaVuSans.LICENSE",
};
// axe-core is never served: only the browser tests inject it.
const testFiles = {
  "axe-core/axe.min.js": "axe.min.js",
  "axe-core/LICENSE": "axe-core.LICENSE",
};
function copy(mapping, folder) {
  for (const [from, to] of Object.entries(mapping)) {
    const target = `${folder}/${to}`;
    mkdirSync(target.substring(0, target.lastIndexOf("/")), { recursive: true });
    cpSync(`node_modules/${from}`, target, { recursive: true });
  }
}
copy(files, "samen/static/vendor");
copy(serverFiles, "samen/accounts/fonts");
copy(testFiles, "tests/browser/vendor");

// The NL Design System components Samen uses (docs/design.md), each package's minified CSS in one file. The first
// load of a page must stay under 150 KB, so the variants no template uses are left out: every selector naming one of
// a package's unused modifiers (regular expressions) is dropped, and a rule left without selectors with it. Nothing
// else is changed. Text areas wear the textbox component (the same border, padding, focus and error states).
const utrecht = {
  "skip-link-css": [/--hidden/, /--visible[^-]/, /--visible$/],
  "page-header-css": [],
  "page-footer-css": [],
  "button-css": [/--ready/, /--warning/, /--subtle/, /--busy/, /--distanced/, /--secondary-action/, /--hover:/, /--focus/, /--active/, /--pressed/],
  "alert-css": [],
  "breadcrumb-nav-css": [/--arrows/, /--html-p/, /--disabled/],
  "status-badge-css": [/--danger/, /--valid/, /--invalid/, /--error/, /--active/, /--inactive/, /--safe/],
  "pagination-css": [/--disabled/, /--distanced/, /__page-link/],
  "table-css": [/\.utrecht-table__/, /\.utrecht-table-container/, /--sticky/, /--selected/, /--busy/, /--truncate/, /--fixed/, /--oneline/, /--hidden/, /-button/, /__footer/, /__figcaption/, /--row-hover/, /--row-focus-within/, /--alternate/],
  "form-field-css": [/--distanced/, /--radio/, /--checkbox/],
  "form-field-description-css": [],
  "form-field-error-message-css": [],
  "form-fieldset-css": [/--section/, /--distanced/, /--disabled/],
  "form-label-css": [/--radio/, /--checkbox/, /--disabled/, /--checked/],
  "textbox-css": [/-size\b/, /--placeholder-/, /__placeholder/, /--read-only/, /:read-only/, /--disabled/, /--numeric/, /--password/, /--url/, /--focus/, /--invalid/, /inputMode/, /type=email/, /type=password/],
  "select-css": [/--busy/, /--disabled/, /--focus/, /--invalid/, /--hover/],
};

// Split at commas outside parentheses and strings.
function splitTop(text) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// Keep a minified stylesheet's rules, recursing into @media blocks, without the selectors that match `unused`.
function prune(css, unused) {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf("{", i);
    if (open < 0) break;
    const prelude = css.slice(i, open);
    let depth = 1;
    let j = open + 1;
    while (depth > 0) {
      if (css[j] === "{") depth++;
      else if (css[j] === "}") depth--;
      j++;
    }
    const body = css.slice(open + 1, j - 1);
    if (prelude.trimStart().startsWith("@")) {
      const inner = prune(body, unused);
      if (inner) out += `${prelude}{${inner}}`;
    } else {
      const kept = splitTop(prelude).filter((selector) => !unused.some((pattern) => pattern.test(selector)));
      if (kept.length) out += `${kept.join(",")}{${body}}`;
    }
    i = j;
  }
  return out;
}

const header =
  "/* NL Design System components (@utrecht/*-css, EUPL-1.2, see LICENSE.md): " +
  "Copyright (c) 2020-2024 Frameless B.V., (c) 2021-2024 Gemeente Utrecht. " +
  "Concatenated by scripts/vendor.mjs, unused variants left out. */\n";
let bundle = header;
for (const [name, modifiers] of Object.entries(utrecht)) {
  const { version } = JSON.parse(readFileSync(`node_modules/@utrecht/${name}/package.json`, "utf8"));
  const css = readFileSync(`node_modules/@utrecht/${name}/dist/index.min.css`, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s*\n\s*/g, " ");
  bundle += `/* @utrecht/${name} ${version} */\n${prune(css, modifiers)}\n`;
}
mkdirSync("samen/static/vendor/utrecht", { recursive: true });
writeFileSync("samen/static/vendor/utrecht/components.css", bundle);

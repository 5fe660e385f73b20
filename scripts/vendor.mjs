// Copy the front-end files we serve (and axe-core, which only the browser tests inject) out of node_modules.
import { cpSync, mkdirSync } from "node:fs";

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

// Register the service worker (samen/common/pwa.py): the site's shell and an offline page, nothing else.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  });
}

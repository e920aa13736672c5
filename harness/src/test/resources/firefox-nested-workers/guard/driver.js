// parbench's driver worker (/web/driver.js, imported unchanged) in a worker where constructing a
// worker throws: a page whose driver starts a worker itself, which can hang in Firefox
// (bench-wasm/FIREFOX-HANG.md), fails here at once and says so. main.js starts this file as its
// 'driver.js' because it resolves that name against the page, this folder's index.html.
import './no-workers.js';
import '/web/driver.js';

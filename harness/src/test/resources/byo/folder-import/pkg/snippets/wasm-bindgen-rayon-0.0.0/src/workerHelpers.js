// What wasm-bindgen-rayon's worker helper does first: import its own package by folder.
const pkg = await import('../../..');
postMessage(pkg.answer());

// Stands in for wasm-bindgen's output: initThreadPool starts module workers from the snippet
// folder, exactly where wasm-bindgen-rayon puts its workerHelpers.js.
export function answer() {
  return 6;
}

export function initThreadPool(count) {
  const url = new URL('./snippets/wasm-bindgen-rayon-0.0.0/src/workerHelpers.js', import.meta.url);
  const started = [];
  for (let i = 0; i < count; i++) {
    const worker = new Worker(url, { type: 'module' });
    started.push(new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => (data === 6 ? resolve() : reject(new Error(`worker said ${data}`)));
      worker.onerror = () => reject(new Error('a pool worker failed to load its package'));
    }));
  }
  return Promise.all(started);
}

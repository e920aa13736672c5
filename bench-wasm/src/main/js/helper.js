// parbench helper worker: worker `index` (1..W-1) of the driver's pool. The page starts it on the
// driver's request (pool.js, page-workers.js) and relays its messages to the driver.
//
// It runs the same compiled module on the same shared memory as the driver, so the pool it
// joins is the driver's. Its whole life is one call: pb_worker_main returns only when the pool
// is destroyed.

import { moduleImports } from './pool.js';

// Errors also go to the page's log through a broadcast channel: the driver cannot read messages
// while it is blocked inside a step, but the page's main thread can.
const log = new BroadcastChannel('parbench-log');

self.onmessage = async ({ data }) => {
  if (data.type !== 'start') return;
  const { module, memory, pool, index, stackTop } = data;
  try {
    // A new instance on the driver's memory; the module's start function sees the data segments
    // are already initialised and leaves them alone.
    const { exports: pb } = await WebAssembly.instantiate(module, moduleImports(memory));
    // Every instance starts with the same __stack_pointer (the driver's stack): move ours to the
    // stack the pool reserved for this helper before anything else runs.
    pb.pb_stack_enter(stackTop);
    // The driver yields until every helper got this far, then completes the real handshake in
    // shared memory (pb_pool_wait_ready) while we enter the pool.
    self.postMessage({ type: 'entering', index });
    pb.pb_worker_main(pool, index);
  } catch (e) {
    log.postMessage({ level: 'error', text: `helper ${index}: ${e}` });
    self.postMessage({ type: 'failed', index, message: String(e) });
  }
};

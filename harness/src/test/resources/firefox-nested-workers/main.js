// The page protocol of parbench's main.js (start, phase, blocks, result, notes), so that the harness's
// browser drivers can run this page. config: {helpers, startedBy: 'driver' | 'page'}.
const parbench = {
  phase: 'loaded',
  blocks: [], // measures none
  result: null,
  notes: [],

  start(kind, config) {
    const driver = new Worker('driver.js', { type: 'module' });
    driver.onmessage = ({ data }) => {
      if (data.type === 'phase') {
        this.phase = data.phase;
      } else if (data.type === 'start-helper') {
        // The page starts the helper and hands it the driver's channel (startedBy: 'page').
        const helper = new Worker('helper.js', { type: 'module' });
        helper.postMessage(data.start, [data.start.answers]);
      } else if (data.type === 'result') {
        this.phase = 'done';
        this.result = data.result;
        driver.terminate();
      }
    };
    driver.onerror = (event) => {
      event.preventDefault();
      this.notes.push(`error: driver worker: ${event.message}`);
      this.result = { status: 'failed', reason: `driver worker: ${event.message}` };
    };
    driver.postMessage({ type: kind, config });
  },
};
window.parbench = parbench;

// Prints the README's table of the libraries from npm (Markdown) from measure-libraries.sh's runs:
// per library and browser, the threads the library chose on its own and their throughput, next
// to the throughput and speedup parbench measured at each worker count, capped ones marked; then,
// per browser, the pages that hung (no answer within their timeout) and those tried again.
// Usage: node library-table.mjs results.json...
import { readFileSync } from 'node:fs';

const rows = new Map(); // "kernel browser" → {kernel, browser, cores, measured: [...], own}
const pages = new Map(); // browser → {pages, hung, retried}
for (const file of process.argv.slice(2)) {
  const document = JSON.parse(readFileSync(file, 'utf8'));
  const byo = document.environment.engines.byo;
  if (!byo?.browser) continue;
  const counts = pages.get(byo.browser.browser) ?? { pages: 0, hung: 0, retried: 0 };
  pages.set(byo.browser.browser, counts);
  for (const fork of document.forks ?? []) {
    counts.pages += fork.attempts ?? 1;
    counts.retried += (fork.attempts ?? 1) - 1;
    counts.hung += (fork.attempts ?? 1) - 1 + (/no answer within/.test(fork.reason ?? '') ? 1 : 0);
  }
  if (!document.analysis) continue;
  for (const series of document.analysis.series) {
    const key = `${series.key.kernel} ${byo.browser.browser}`;
    const row = rows.get(key) ?? { kernel: series.key.kernel, browser: `${byo.browser.browser} ${byo.browser.version}`,
      cores: byo.browser.hardwareConcurrency, unit: `${byo.facts.unit ?? 'step'}s/s`, measured: [], own: null };
    rows.set(key, row);
    const results = document.configurations.filter((c) => c.configuration.kernel === series.key.kernel
      && (c.configuration.variant ?? null) === (series.key.variant ?? null));
    for (const point of series.points) {
      const result = results.find((c) => c.configuration.workers === point.workers);
      const threads = result?.adapter?.adapterThreads ?? result?.adapter?.pageThreads;
      const entry = { workers: point.workers, rate: point.throughput.mean, speedup: point.speedup, threads,
        capped: result?.adapter?.cappedAtThreads, implausible: point.implausible };
      if (series.key.variant === 'threads=default') row.own = entry;
      else row.measured.push(entry);
    }
  }
}

const rate = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
console.log('| library | browser (cores it reports) | left to itself: threads, throughput | measured: W → throughput, speedup | best W |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of [...rows.values()].sort((a, b) => (a.kernel + a.browser).localeCompare(b.kernel + b.browser))) {
  const own = row.own ? `${row.own.threads ?? '?'} thread${row.own.threads === 1 ? '' : 's'}, ${rate(row.own.rate)} ${row.unit}`
    : 'not measured';
  const measured = row.measured.sort((a, b) => a.workers - b.workers).map((p) => `${p.workers} → ${rate(p.rate)}`
    + (p.workers > 1 && p.speedup ? ` (${p.speedup.toFixed(2)}×${p.implausible ? '!' : ''})` : ` ${row.unit}`)
    + (p.capped ? ` capped at ${p.capped}` : ''));
  const best = row.measured.filter((p) => !p.implausible && !p.capped).sort((a, b) => b.rate - a.rate)[0];
  console.log(`| ${row.kernel} | ${row.browser} (${row.cores}) | ${own} | ${measured.join('; ')} | ${best ? `W = ${best.workers}` : '–'} |`);
}
console.log();
for (const [browser, { pages: count, hung, retried }] of [...pages.entries()].sort()) {
  console.log(`${browser}: ${hung} of ${count} pages hung (${retried} of them tried again)`);
}

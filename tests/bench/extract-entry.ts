// Bundled into an IIFE and added to fixture pages by the benchmark, so extraction is timed in Chromium.
import { extractorFor } from '@/lib/capture/registry';

(window as unknown as { leadlineBench: unknown }).leadlineBench = {
  /** Median milliseconds of `runs` extractions of the current page, and how many people were found. */
  time(runs: number): { medianMs: number; found: number; elements: number } {
    const url = new URL(location.href);
    const { extract } = extractorFor(url);
    const samples: number[] = [];
    let found = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      found = extract(document, url).length;
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return { medianMs: samples[Math.floor(samples.length / 2)] ?? 0, found, elements: document.getElementsByTagName('*').length };
  },
};

import { build } from 'esbuild';
import path from 'node:path';
import { fixture, launchWithExtension, removeProfile, ROOT, serveFixture, type Session } from '../e2e/harness';

const EXTRACTION_RUNS = 30;
const PAGE_ELEMENTS = 10_000;

const EXTRACTION_PAGES = [
  'linkedin/profile-2025.html',
  'linkedin/search-people-2025.html',
  'gmail/thread-reply-with-quote.html',
  'outlook/thread-office.html',
  'web/team-microdata.html',
];

function declaredUrl(relativePath: string): string | undefined {
  try {
    return /<!--\s*url:\s*(\S+)\s*-->/.exec(fixture(relativePath))?.[1];
  } catch {
    return undefined;
  }
}

async function extractorBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'tests/bench/extract-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    alias: { '@': ROOT },
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** Extraction time in Chromium on each kind of page, padded with realistic noise to 10,000 elements. */
async function benchExtraction(session: Session): Promise<string[]> {
  const script = await extractorBundle();
  const rows: string[] = [];
  for (const relativePath of EXTRACTION_PAGES) {
    const url = declaredUrl(relativePath);
    if (!url) continue;
    await serveFixture(session.context, url, relativePath);
    const page = await session.context.newPage();
    await page.goto(url);
    // LinkedIn-like noise: cards of people the extractor must ignore, in the sidebar and the feed.
    await page.evaluate((target) => {
      const host = document.querySelector('aside') ?? document.body;
      let i = 0;
      while (document.getElementsByTagName('*').length < target) {
        const card = document.createElement('div');
        card.className = `artdeco-card pv-browsemap-${i}`;
        card.innerHTML = `<a href="/in/someone-${i}/"><span aria-hidden="true">Someone ${i}</span><span class="visually-hidden">Someone ${i}</span></a><p class="t-14">Title ${i} at Company ${i}</p>`;
        host.append(card);
        i++;
      }
    }, PAGE_ELEMENTS);
    await page.addScriptTag({ content: script });
    const result = await page.evaluate((runs) => (window as unknown as { leadlineBench: { time(n: number): { medianMs: number; found: number; elements: number } } }).leadlineBench.time(runs), EXTRACTION_RUNS);
    rows.push(`| ${relativePath.padEnd(36)} | ${String(result.elements).padStart(8)} | ${String(result.found).padStart(5)} | ${result.medianMs.toFixed(2).padStart(9)} |`);
    await page.close();
  }
  return [
    `Extraction in Chromium (median of ${EXTRACTION_RUNS} runs; target under 20 ms at 10,000 elements)`,
    '| page                                 | elements | found | median ms |',
    '|--------------------------------------|----------|-------|-----------|',
    ...rows,
  ];
}

const session = await launchWithExtension();
try {
  const report = [...(await benchExtraction(session))];
  console.log(`\nLeadline benchmark (${new Date().toISOString()})\n`);
  console.log(report.join('\n'));
} finally {
  await session.close();
  removeProfile(session);
}

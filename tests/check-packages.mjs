// Checks what `npm run zip` made for the stores: the Chrome and Firefox packages (MV3, each with
// its manifest at the top) and the sources archive addons.mozilla.org asks for (enough to rebuild
// the add-on with `npm ci && npm run zip`, without node_modules or build output); and prints the
// gzipped size of each script that runs in web pages.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, inflateRawSync } from 'node:zlib';

const OUTPUT = '.output';
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** The entries of a zip file, read from its central directory: name → () => contents. */
function readZip(file) {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(entryName, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const problems = [];
const expect = (ok, message) => ok || problems.push(message);
const packageFile = (target) => path.join(OUTPUT, `${name}-${version}-${target}.zip`);
const present = new Set(readdirSync(OUTPUT));

for (const target of ['chrome', 'firefox']) {
  const file = packageFile(target);
  if (!present.has(path.basename(file))) {
    problems.push(`${file} is missing: run "npm run zip"`);
    continue;
  }
  const entries = readZip(file);
  const manifest = entries.get('manifest.json');
  if (!manifest) {
    problems.push(`${file} has no manifest.json at its top`);
    continue;
  }
  const parsed = JSON.parse(manifest().toString('utf8'));
  expect(parsed.manifest_version === 3, `${file} is MV${parsed.manifest_version}, not MV3`);
  if (target === 'firefox') {
    expect(parsed.browser_specific_settings?.gecko?.id, `${file} has no add-on id (browser_specific_settings.gecko.id)`);
  }
  // The name is "__MSG_app_name__": each language's text is in _locales (lib/i18n/locales).
  const messages = (locale) => {
    const entry = entries.get(`_locales/${locale}/messages.json`);
    return entry ? JSON.parse(entry().toString('utf8')) : undefined;
  };
  for (const locale of ['en', 'de', 'fr', 'es', 'pt_BR']) {
    expect(messages(locale)?.app_name?.message, `${file} has no name in _locales/${locale}/messages.json`);
  }
  const named = parsed.name.replace(/^__MSG_(\w+)__$/, (whole, key) => messages(parsed.default_locale)?.[key]?.message ?? whole);
  console.log(`${file}: ${named} ${parsed.version}, MV${parsed.manifest_version}, ${entries.size} files`);
}

const sources = packageFile('sources');
if (!present.has(path.basename(sources))) problems.push(`${sources} is missing: "wxt zip -b firefox" makes it for addons.mozilla.org`);
else {
  const names = [...readZip(sources).keys()];
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'entrypoints/background.ts', 'lib/i18n/locales/en.yml']) {
    expect(names.includes(needed), `${sources} lacks ${needed}, which a reviewer needs to rebuild the add-on`);
  }
  expect(!names.some((entry) => /^(node_modules|\.output|\.wxt)\//.test(entry)), `${sources} contains node_modules or build output`);
  console.log(`${sources}: ${names.length} files`);
}

// What ships into LinkedIn, Gmail, Outlook and any captured page: DESIGN.md's budget is 60 KB
// gzipped per script (aim: 25 KB). Printed every run so a change in size is seen, failed above budget.
const BUDGET = 60 * 1024;
const chromeDir = path.join(OUTPUT, 'chrome-mv3');
const pageScripts = [
  ...readdirSync(path.join(chromeDir, 'content-scripts')).map((file) => path.join('content-scripts', file)),
  'page-capture.js',
];
for (const script of pageScripts) {
  const size = gzipSync(readFileSync(path.join(chromeDir, script)), { level: 9 }).length;
  console.log(`${script}: ${size.toLocaleString('en')} B gzipped`);
  expect(size <= BUDGET, `${script} is ${size} B gzipped, over the ${BUDGET} B budget for code that runs in pages`);
}

for (const problem of problems) console.error(problem);
process.exit(problems.length === 0 ? 0 : 1);

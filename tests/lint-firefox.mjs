// Runs `web-ext lint` on the Firefox MV3 build and fails on any error, and on any warning except React's
// own innerHTML assignment inside react-dom (it backs dangerouslySetInnerHTML, which Leadline never uses).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const sourceDir = '.output/firefox-mv3';
if (!existsSync(`${sourceDir}/manifest.json`)) {
  console.error(`No Firefox build in ${sourceDir}. Run "npm run build:firefox" first.`);
  process.exit(1);
}
if (JSON.parse(readFileSync(`${sourceDir}/manifest.json`, 'utf8')).manifest_version !== 3) {
  console.error(`${sourceDir}/manifest.json is not MV3; Leadline ships MV3 to Firefox too.`);
  process.exit(1);
}

let output;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json'], { encoding: 'utf8' });
} catch (error) {
  // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
  output = error.stdout;
}
const report = JSON.parse(output);
// React DOM is recognised by its own prop name; Leadline's sources never assign markup (a unit test checks).
const isReactDom = (file) => /^chunks\/[\w-]+\.js$/.test(file ?? '') && readFileSync(`${sourceDir}/${file}`, 'utf8').includes('dangerouslySetInnerHTML');
const allowed = (message) => message.code === 'UNSAFE_VAR_ASSIGNMENT' && isReactDom(message.file);
const problems = [...report.errors, ...report.warnings.filter((warning) => !allowed(warning))];
for (const message of [...report.errors, ...report.warnings, ...report.notices]) {
  console.log(`${message._type}: ${message.code} ${message.file ?? ''}${message.line ? `:${message.line}` : ''} ${message.message}`);
}
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${problems.length} not allowed)`);
process.exit(problems.length === 0 ? 0 : 1);

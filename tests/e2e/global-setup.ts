import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM, EXTENSION_DIR } from './harness';

export default function checkPrerequisites(): void {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}. Run "npm run build" first (npm test does it for you).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}

// The dedicated Worker that parses a CSV file off the page (built by Vite from
// `new Worker(new URL(...), { type: 'module' })`, so it ships as a file of the extension: the
// extension's content security policy refuses workers from blob: URLs).
import { runParseJob, type ParseMessage } from '@/lib/io/import/parse-job';

const scope = self as unknown as { onmessage: ((event: MessageEvent<{ file: Blob }>) => void) | null; postMessage(message: ParseMessage): void };
scope.onmessage = (event) => void runParseJob(event.data.file, (message) => scope.postMessage(message));

import { LeadlineDatabase } from '@/lib/db/database';

/**
 * A job over the whole database run in a dedicated Worker (a backup, an export, the search words,
 * the table's rows): the worker opens the page's own database by name, sends progress as it goes,
 * then its result or that it failed. The page's thread only takes in the messages.
 */
export type JobMessage<P, R> = { type: 'progress'; progress: P } | { type: 'done'; result: R } | { type: 'failed' };

type JobRequest<Q> = { dbName: string; request: Q };

export type DatabaseJob<Q, P, R> = (db: LeadlineDatabase, request: Q, progress: (progress: P) => void) => Promise<R>;

/** The worker's side: runs `job` on each request, with the database opened for it and closed after. */
export function serveDatabaseJob<Q, P, R>(name: string, job: DatabaseJob<Q, P, R>): void {
  const scope = self as unknown as {
    onmessage: ((event: MessageEvent<JobRequest<Q>>) => void) | null;
    postMessage(message: JobMessage<P, R>): void;
  };
  scope.onmessage = (event) => {
    const db = new LeadlineDatabase(event.data.dbName);
    void job(db, event.data.request, (progress) => scope.postMessage({ type: 'progress', progress }))
      .then((result) => scope.postMessage({ type: 'done', result }))
      .catch((error: unknown) => {
        console.error(`Leadline: the ${name} worker failed`, error);
        scope.postMessage({ type: 'failed' });
      })
      .finally(() => db.close());
  };
}

/**
 * The page's side: runs the job in the worker `start` makes, hands each progress message to
 * `onProgress`, and resolves with the result. Where there is no Worker (unit tests), the same job runs
 * on the page.
 */
export function runDatabaseJob<Q, P, R>(
  db: LeadlineDatabase,
  start: () => Worker,
  job: DatabaseJob<Q, P, R>,
  request: Q,
  onProgress: (progress: P) => void = () => undefined,
): Promise<R> {
  if (typeof Worker === 'undefined') return job(db, request, onProgress);
  return new Promise<R>((resolve, reject) => {
    const worker = start();
    worker.onmessage = (event: MessageEvent<JobMessage<P, R>>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.progress);
        return;
      }
      worker.terminate();
      if (message.type === 'done') resolve(message.result);
      else reject(new Error('the worker could not finish its job'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the worker failed: ${event.message}`));
    };
    worker.postMessage({ dbName: db.name, request } satisfies JobRequest<Q>);
  });
}

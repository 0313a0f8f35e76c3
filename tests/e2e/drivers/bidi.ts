import type { Browser, Page } from 'puppeteer-core';

/**
 * The few raw WebDriver BiDi commands the Firefox driver sends itself, through puppeteer's own
 * connection: sandboxed scripts, accessibility locators, element-origin pointer input, file inputs,
 * and the browser's own window ("chrome" scope, allowed by `--remote-allow-system-access`).
 */
export type RemoteValue = { type: string; value?: unknown; sharedId?: string };
type EvaluateResult =
  | { type: 'success'; result: RemoteValue }
  | { type: 'exception'; exceptionDetails: { text: string } };

export type NodeRef = { sharedId: string; value?: { localName?: string; shadowRoot?: { sharedId: string } | null } };

export type Bidi = ReturnType<typeof bidiFor>;

export function bidiFor(browser: Browser) {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } })
    .connection;
  const send = async <T = any>(method: string, params: object): Promise<T> => (await connection.send(method, params)).result as T;

  const unwrap = (result: EvaluateResult, what: string): RemoteValue => {
    if (result.type === 'exception') throw new Error(`${what} threw: ${result.exceptionDetails.text}`);
    return result.result;
  };

  return {
    send,
    /** The top-level browsing context (tab) behind a puppeteer page. */
    contextOf(page: Page): string {
      return (page.mainFrame() as unknown as { _id: string })._id;
    },
    async callFunction(context: string, sandbox: string | undefined, fn: string, args: unknown[]): Promise<RemoteValue> {
      const result = await send<EvaluateResult>('script.callFunction', {
        functionDeclaration: fn,
        arguments: args,
        target: sandbox ? { context, sandbox } : { context },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      return unwrap(result, 'A script in the page');
    },
    async evaluate(context: string, sandbox: string | undefined, expression: string): Promise<RemoteValue> {
      const result = await send<EvaluateResult>('script.evaluate', {
        expression,
        target: sandbox ? { context, sandbox } : { context },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      return unwrap(result, 'A script in the page');
    },
    async locate(context: string, locator: object, startNodes?: NodeRef[]): Promise<NodeRef[]> {
      const { nodes } = await send<{ nodes: NodeRef[] }>('browsingContext.locateNodes', {
        context,
        locator,
        ...(startNodes ? { startNodes: startNodes.map(({ sharedId }) => ({ sharedId })) } : {}),
      });
      return nodes;
    },
    /** A real left click at the centre of the element (WebDriver's element-origin pointer move). */
    async clickElement(context: string, node: NodeRef): Promise<void> {
      await send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'leadline-mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: node.sharedId } } },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
    async setFiles(context: string, node: NodeRef, files: string[]): Promise<void> {
      await send('input.setFiles', { context, element: { sharedId: node.sharedId }, files });
    },
    /** Browser windows (browser.xhtml, a notification's alert.xhtml), by URL. */
    async chromeWindows(): Promise<Array<{ context: string; url: string }>> {
      const { contexts } = await send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {
        'moz:scope': 'chrome',
      });
      return contexts;
    },
    async tabs(): Promise<Array<{ context: string; url: string }>> {
      const { contexts } = await send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {});
      return contexts;
    },
  };
}

/** Plain data back from a BiDi remote value (what the tests' page functions return). */
export function fromRemote(value: RemoteValue): unknown {
  switch (value.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return value.value;
    case 'number':
      return typeof value.value === 'number' ? value.value : Number(value.value);
    case 'array':
      return (value.value as RemoteValue[]).map(fromRemote);
    case 'object':
      return Object.fromEntries(
        (value.value as Array<[string | RemoteValue, RemoteValue]>).map(([key, item]) => [
          typeof key === 'string' ? key : String(fromRemote(key)),
          fromRemote(item),
        ]),
      );
    default:
      return value;
  }
}

/** A JSON-able argument as a BiDi local value. */
export function toLocal(value: unknown): object {
  if (value === undefined) return { type: 'undefined' };
  if (value === null) return { type: 'null' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'number') return { type: 'number', value: Number.isFinite(value) ? value : String(value) };
  if (Array.isArray(value)) return { type: 'array', value: value.map(toLocal) };
  if (typeof value === 'object') return { type: 'object', value: Object.entries(value).map(([key, item]) => [key, toLocal(item)]) };
  throw new Error(`Cannot pass ${typeof value} to the page`);
}

import Dexie, { type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import type { LeadlineDatabase } from './database';

/** Which leads a write touched: these ids, or too many to say (a restore, a cleared table, a template edit). */
export type LeadChange = { kind: 'leads'; ids: string[] } | { kind: 'all' };

/**
 * The lead ids in one of Dexie's mutated-key trees, or undefined when it holds a range rather than
 * single keys. Walked by hand: a tree that came from another window is a plain object.
 */
export function singleKeys(tree: IntervalTree): string[] | undefined {
  const ids: string[] = [];
  const stack: IntervalTreeNode[] = [];
  let node: IntervalTreeNode | null | undefined = tree.d === 0 ? undefined : (tree as IntervalTreeNode);
  while (node || stack.length > 0) {
    while (node) {
      stack.push(node);
      node = node.l;
    }
    const current = stack.pop()!;
    if (typeof current.from !== 'string' || current.from !== current.to) return undefined;
    ids.push(current.from);
    node = current.r;
  }
  return ids;
}

/** What a set of mutated parts means for the leads of this database, if anything. */
export function leadChangeOf(db: Pick<LeadlineDatabase, 'name'>, parts: ObservabilitySet): LeadChange | undefined {
  // Dexie sends "all" when a page comes back from the back-forward cache: anything may have changed.
  if ('all' in parts) return { kind: 'all' };
  // A template's criteria decide every row's checklist progress.
  if (parts[`idb://${db.name}/templates/`]) return { kind: 'all' };
  const leads = parts[`idb://${db.name}/leads/`];
  if (!leads) return undefined;
  const ids = singleKeys(leads);
  if (ids === undefined) return { kind: 'all' };
  return ids.length > 0 ? { kind: 'leads', ids } : undefined;
}

/**
 * Calls `onChange` after every committed write to the leads, in this page or any other page or worker
 * of the extension (Dexie relays writes between them). Returns a function that stops watching.
 */
export function watchLeadChanges(db: LeadlineDatabase, onChange: (change: LeadChange) => void): () => void {
  const listener = (parts: ObservabilitySet) => {
    const change = leadChangeOf(db, parts);
    if (change) onChange(change);
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/** The ids of a list of `{ id, label }` entries, as a tuple type z.enum accepts. */
export type EnumIds<T extends readonly { id: string }[]> = { -readonly [K in keyof T]: T[K] extends { id: infer I } ? I : never };

/**
 * A list's ids in order, typed as the literal tuple: one list of `{ id, label }` feeds both the
 * schema (`z.enum(idsOf(STAGES))`) and the labels, so neither can lose an entry.
 */
export function idsOf<const T extends readonly [{ id: string }, ...{ id: string }[]]>(list: T): EnumIds<T> {
  return list.map((entry) => entry.id) as EnumIds<T>;
}

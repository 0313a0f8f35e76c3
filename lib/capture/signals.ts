/**
 * Several independent readings of the same field (a heading, the page title, JSON-LD, an
 * aria-label, the Experience section…) and how much each is trusted. The value the signals agree
 * on wins, with a confidence that grows when they agree and shrinks when they disagree; below the
 * field's threshold the field stays empty rather than guessed.
 */

export type FieldConfidence = Record<string, number>;

type Vote = { value: string; weight: number };

const sameText = (a: string) =>
  a
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s.,·|]+/g, ' ')
    .trim();

/** 1 − Π(1 − wᵢ): independent signals that agree make a value more certain than any one of them. */
const combine = (weights: number[]) => 1 - weights.reduce((rest, w) => rest * (1 - Math.min(0.99, Math.max(0, w))), 1);

export class FieldSignals<F extends string> {
  private votes = new Map<F, Vote[]>();

  /** One reading of `field` from one signal, trusted `weight` (0..1) on its own. */
  add(field: F, value: string | undefined, weight: number): void {
    const text = value?.trim();
    if (!text) return;
    const list = this.votes.get(field) ?? [];
    list.push({ value: text, weight });
    this.votes.set(field, list);
  }

  /**
   * How sure the signals make `value` for `field`: the combined weight of those that agree with it
   * (the same text, or one containing the other: "Manchester" agrees with "Manchester, England"),
   * discounted by the strongest group that says something else. 0 when none says it.
   */
  confidenceOf(field: F, value: string | undefined): number {
    if (!value) return 0;
    const key = sameText(value);
    const agree: number[] = [];
    const rivals = new Map<string, number[]>();
    for (const vote of this.votes.get(field) ?? []) {
      const other = sameText(vote.value);
      if (other === key || (other.length >= 3 && key.includes(other)) || (key.length >= 3 && other.includes(key))) agree.push(vote.weight);
      else rivals.set(other, [...(rivals.get(other) ?? []), vote.weight]);
    }
    const rival = Math.max(0, ...[...rivals.values()].map(combine));
    return Math.round(combine(agree) * (1 - 0.5 * rival) * 100) / 100;
  }

  /**
   * The value the signals for `field` agree on most, as first written, and its confidence: the
   * combined weight of the signals that agree, discounted by the strongest rival value. Undefined
   * below `threshold`.
   */
  best(field: F, threshold = 0.5): { value: string; confidence: number } | undefined {
    const groups = new Map<string, { value: string; weights: number[] }>();
    for (const vote of this.votes.get(field) ?? []) {
      const key = sameText(vote.value);
      const group = groups.get(key) ?? { value: vote.value, weights: [] };
      group.weights.push(vote.weight);
      groups.set(key, group);
    }
    const ranked = [...groups.values()]
      .map((group) => ({ value: group.value, score: combine(group.weights) }))
      .sort((a, b) => b.score - a.score);
    const [top, rival] = ranked;
    if (!top) return undefined;
    const confidence = Math.round(top.score * (1 - 0.5 * (rival?.score ?? 0)) * 100) / 100;
    return confidence >= threshold ? { value: top.value, confidence } : undefined;
  }
}

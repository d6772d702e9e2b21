/** Numbers ids in order of first appearance (dictionary encoding): `ids[numberOf(id)] === id`. */
export class IdNumbering {
  /** The distinct ids, in order of first appearance. */
  readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The number of `id`, assigning the next one to an id not seen before. */
  numberOf(id: string): number {
    let k = this.numbers.get(id);
    if (k === undefined) {
      k = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, k);
    }
    return k;
  }
}

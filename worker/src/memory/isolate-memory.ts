/**
 * What one isolate remembers between requests (verified tokens, opened sessions, user rows, labels, rate
 * windows). Isolates live for many requests and serve many users, so every such memory is bounded.
 */

/** A Map holding at most `limit` entries: a new key past the limit drops the oldest (an existing key set again becomes the newest). */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly limit: number;

  constructor(limit: number) {
    super();
    this.limit = limit;
  }

  override set(key: K, value: V): this {
    this.delete(key);
    if (this.size >= this.limit) this.delete(this.keys().next().value!);
    return super.set(key, value);
  }
}

/**
 * One bounded map per owner object (a D1 binding, a data key): another owner, such as a rotated key or a
 * second database, starts empty, and an owner the runtime drops takes its entries with it.
 */
export function boundedMapPerOwner<Owner extends object, K, V>(limit: number): (owner: Owner) => BoundedMap<K, V> {
  const maps = new WeakMap<Owner, BoundedMap<K, V>>();
  return (owner) => {
    let map = maps.get(owner);
    if (!map) {
      map = new BoundedMap(limit);
      maps.set(owner, map);
    }
    return map;
  };
}

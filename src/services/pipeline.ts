/**
 * Ordered look-ahead: runs an async step over a list with at most `ahead` steps in flight
 * and yields the results in the list's order, so a consumer that must go one by one (one
 * transaction per document) never waits on work that could have started earlier.
 */
export async function* mapAhead<T, R>(items: readonly T[], ahead: number, step: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const width = Math.max(1, Math.floor(ahead));
  const running: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && running.length < width) {
      const i = next++;
      const p = step(items[i], i);
      // A step that fails before its turn must not count as an unhandled rejection; it is rethrown when reached.
      p.catch(() => {});
      running.push(p);
    }
  };
  fill();
  while (running.length) {
    const result = await running.shift()!;
    fill();
    yield result;
  }
}

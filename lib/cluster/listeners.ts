/** Adds `cb` to a listener set and returns the function that removes it again (the shape every client's on…() uses). */
export function addListener<T>(set: Set<T>, cb: T): () => void {
  set.add(cb);
  return () => {
    set.delete(cb);
  };
}

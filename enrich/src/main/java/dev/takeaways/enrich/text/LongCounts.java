package dev.takeaways.enrich.text;

/**
 * How often each 64-bit hash was counted (the takeaway id sequence's repeated texts): open
 * addressing over primitive arrays, since the keys are already uniform hashes (no boxing, no node
 * per key). Grows at half full. Not thread-safe.
 */
public final class LongCounts {
  private long[] keys = new long[256];
  private int[] counts = new int[256];
  private int size;
  /** The key 0 has no slot: 0 marks an empty one. */
  private int zeros;

  /** Counts {@code key}; how often it was counted before. */
  public int count(long key) {
    if (key == 0) {
      return zeros++;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int i = slot(key);
    if (keys[i] == 0) {
      keys[i] = key;
      size++;
    }
    return counts[i]++;
  }

  /** The slot that holds {@code key}, or the empty one where it goes. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) key & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[2 * oldKeys.length];
    counts = new int[keys.length];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j]);
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }
}

package dev.precis.data;

import java.util.Arrays;

/**
 * Terms numbered 0, 1, 2... in the order first added, found by their characters: an open-addressing
 * hash table whose keys live end to end in one char array, so that looking a term up from a buffer
 * makes no String. A text's every n-gram is looked up once to count the vocabulary and again to
 * encode the row; a String per lookup was most of that time.
 */
final class TermTable {
  private char[] chars;
  private int used;
  // per term: where its characters start in chars (the next term's start is where they end), and
  // its hash
  private int[] starts;
  private int[] hashes;
  private int size;
  // per slot: a term's number plus 1, or 0 for an empty slot; the length is a power of two
  private int[] slots;

  /**
   * An empty table with room for {@code expected} terms before it grows: each growth moves every
   * term so far to a table twice the size.
   */
  TermTable(int expected) {
    int capacity = Math.max(16, expected);
    chars = new char[8 * capacity];
    starts = new int[capacity + 1];
    hashes = new int[capacity];
    slots = new int[Integer.highestOneBit(capacity) << 2];
  }

  /** The number of terms. */
  int size() {
    return size;
  }

  /** The term numbered {@code id}. */
  String term(int id) {
    return new String(chars, starts[id], starts[id + 1] - starts[id]);
  }

  /** The number of the term held by the first {@code length} chars of {@code key}, or -1. */
  int find(char[] key, int length) {
    int hash = hash(key, length);
    for (int slot = hash & (slots.length - 1); ; slot = (slot + 1) & (slots.length - 1)) {
      int id = slots[slot] - 1;
      if (id < 0) {
        return -1;
      }
      if (hashes[id] == hash && holds(id, key, length)) {
        return id;
      }
    }
  }

  /** The number of the term held by the first {@code length} chars of {@code key}, added if new. */
  int add(char[] key, int length) {
    int hash = hash(key, length);
    int slot = hash & (slots.length - 1);
    for (; slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
      int id = slots[slot] - 1;
      if (hashes[id] == hash && holds(id, key, length)) {
        return id;
      }
    }
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, 2 * size);
      starts = Arrays.copyOf(starts, 2 * size + 1);
    }
    if (used + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(2 * chars.length, used + length));
    }
    System.arraycopy(key, 0, chars, used, length);
    used += length;
    hashes[size] = hash;
    starts[size + 1] = used;
    slots[slot] = ++size;
    // at most half full, so that a miss ends soon
    if (2 * size > slots.length) {
      rehash();
    }
    return size - 1;
  }

  /**
   * Whether term {@code id} is the key. A plain loop: terms are short, and the JDK's vectorised
   * comparison has branches by length that a text reaches one by one, each throwing away the code
   * compiled before it.
   */
  private boolean holds(int id, char[] key, int length) {
    int start = starts[id];
    if (starts[id + 1] - start != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (chars[start + i] != key[i]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    slots = new int[2 * slots.length];
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & (slots.length - 1);
      while (slots[slot] != 0) {
        slot = (slot + 1) & (slots.length - 1);
      }
      slots[slot] = id + 1;
    }
  }

  /** String's hash of the chars, its bits then spread, as the slot is taken from the low bits. */
  private static int hash(char[] key, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + key[i];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}

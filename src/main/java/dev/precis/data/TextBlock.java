package dev.precis.data;

/**
 * A run of whole records cut from a delimited file.
 *
 * @param text the characters; only the first {@code length} are the block
 * @param length number of characters in the block
 * @param firstLine physical line number (1-based) on which the block starts
 * @param sequence position of the block in the file, from 0
 */
public record TextBlock(char[] text, int length, long firstLine, long sequence) {}

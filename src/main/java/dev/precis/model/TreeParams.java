package dev.precis.model;

/**
 * The tree family's parameters (declared in TreeFamily.PARAMS).
 *
 * @param maxDepth deepest split level; 0 for no limit
 * @param minSamplesLeaf fewest training rows a leaf may hold
 * @param impurity gini or entropy
 */
record TreeParams(int maxDepth, int minSamplesLeaf, String impurity) {}

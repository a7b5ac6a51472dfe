package dev.precis.model;

/**
 * The forest family's parameters (declared in ForestFamily.PARAMS).
 *
 * @param trees trees in the forest
 * @param kind random (best split among a feature subset) or extra (random split points)
 * @param maxDepth deepest split level; 0 for no limit
 * @param minSamplesLeaf fewest training rows a leaf may hold
 * @param featureFraction share of the features each split considers; 0 for the square root of their
 *     number
 * @param impurity gini or entropy
 */
record ForestParams(
    int trees,
    String kind,
    int maxDepth,
    int minSamplesLeaf,
    double featureFraction,
    String impurity) {}

package dev.precis.model;

/**
 * The uplift forest's parameters (declared in UpliftForestFamily.PARAMS).
 *
 * @param trees trees in the forest
 * @param maxDepth deepest split level
 * @param minLeaf fewest training rows of each arm a leaf may hold
 * @param featureFraction share of the features each split considers; 0 for the square root of their
 *     number
 * @param criterion the divergence between the arms' outcome distributions a split raises: kl, ed or
 *     chi
 * @param leafRates where a leaf's arm rates come from: same (the bootstrap rows that grew the tree)
 *     or honest (half the rows grow the tree, the other half give its leaves' rates)
 */
record UpliftForestParams(
    int trees,
    int maxDepth,
    int minLeaf,
    double featureFraction,
    String criterion,
    String leafRates) {}

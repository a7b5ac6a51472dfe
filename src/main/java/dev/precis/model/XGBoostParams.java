package dev.precis.model;

/**
 * The xgboost family's parameters (declared in XGBoostFamily.PARAMS).
 *
 * @param rounds the most boosting rounds (one tree each)
 * @param earlyStoppingRounds rounds without a better validation log loss before boosting stops; 0
 *     runs every round
 * @param learningRate shrinkage of each tree (XGBoost's eta)
 * @param maxDepth deepest a tree grows; 0 for no limit (with maxLeaves)
 * @param maxLeaves most leaves a tree grows, best split first; 0 for no limit (depth-wise growth)
 * @param minChildWeight least hessian (about rows x p(1-p)) a leaf may hold
 * @param subsample fraction of rows each tree sees
 * @param colsampleBytree fraction of features each tree sees
 * @param lambda L2 penalty on leaf values
 * @param alpha L1 penalty on leaf values
 * @param gamma least loss reduction a split must bring
 * @param scalePosWeight weight of a positive row relative to a negative one
 * @param maxBin histogram bins per feature
 */
record XGBoostParams(
    int rounds,
    int earlyStoppingRounds,
    double learningRate,
    int maxDepth,
    int maxLeaves,
    double minChildWeight,
    double subsample,
    double colsampleBytree,
    double lambda,
    double alpha,
    double gamma,
    double scalePosWeight,
    int maxBin) {}

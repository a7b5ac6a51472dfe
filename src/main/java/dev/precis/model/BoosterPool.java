package dev.precis.model;

import dev.precis.PrecisException;
import java.util.concurrent.ConcurrentLinkedDeque;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Copies of one booster, lent one per calling thread. xgboost4j's {@code Booster.predict} holds the
 * booster's lock while the native code runs, so threads sharing one booster score one after
 * another; each copy scores on one thread of its own, and the threads that call are the
 * parallelism. A copy is made when every one is lent, so there are as many as threads ever called
 * at once. Thread-safe.
 */
final class BoosterPool {
  private final Booster booster;
  private final ConcurrentLinkedDeque<Booster> idle = new ConcurrentLinkedDeque<>();

  BoosterPool(Booster booster) {
    this.booster = booster;
  }

  /** What a booster does with a lent copy. */
  @FunctionalInterface
  interface Use<T> {
    T apply(Booster copy) throws XGBoostError;
  }

  /**
   * Runs {@code use} with a copy no other thread holds meanwhile.
   *
   * @param failure what could not be done, for the message when XGBoost fails
   */
  <T> T with(Use<T> use, String failure) {
    try {
      Booster copy = idle.pollFirst();
      if (copy == null) {
        copy = copy();
      }
      try {
        return use.apply(copy);
      } finally {
        idle.addFirst(copy);
      }
    } catch (XGBoostError e) {
      throw new PrecisException(1, failure, e);
    }
  }

  private Booster copy() throws XGBoostError {
    byte[] bytes;
    synchronized (booster) {
      bytes = booster.toByteArray("ubj");
    }
    try {
      Booster copy = XGBoost.loadModel(bytes);
      copy.setParam("nthread", 1);
      return copy;
    } catch (java.io.IOException e) {
      throw new PrecisException(1, "XGBoost could not read back its own model", e);
    }
  }
}

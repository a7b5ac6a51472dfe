package dev.precis.evaluate;

import dev.precis.model.ScoredBlock;
import dev.precis.model.UpliftTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps the rows of an uplift test's two arms in a scored block whose segments are each row's
 * treatment value, and skips the others with their line and reason, as rows that cannot be scored
 * are skipped: a third arm (Hillstrom's men's e-mail) or no arm at all says nothing of the uplift
 * between the two.
 */
final class ArmRows implements Function<ScoredBlock, ScoredBlock> {
  private final UpliftTask task;

  ArmRows(UpliftTask task) {
    this.task = task;
  }

  @Override
  public ScoredBlock apply(ScoredBlock block) {
    int[] kept = new int[block.rows()];
    int n = 0;
    List<String> skipped = new ArrayList<>(block.skipped());
    for (int i = 0; i < block.rows(); i++) {
      String arm = block.segments()[i];
      if (task.treated().equals(arm) || task.control().equals(arm)) {
        kept[n++] = i;
      } else {
        skipped.add(block.lines()[i] + ": " + why(arm));
      }
    }
    if (n == block.rows()) {
      return block;
    }
    int[] at = Arrays.copyOf(kept, n);
    return new ScoredBlock(
        block.ids() == null ? null : pick(block.ids(), at),
        pickDoubles(block.scores(), at),
        pickBooleans(block.labels(), at),
        block.labelValues(),
        pickLongs(block.lines(), at),
        n,
        skipped,
        block.unseenLevels(),
        pick(block.segments(), at),
        block.reasons() == null ? null : pick(block.reasons(), at),
        block.drift(),
        block.treated() == null ? null : pickDoubles(block.treated(), at),
        block.control() == null ? null : pickDoubles(block.control(), at));
  }

  private String why(String arm) {
    return arm == null
        ? "no arm: treatment column '" + task.treatment() + "' is empty"
        : "arm '"
            + arm
            + "' is neither data.treated '"
            + task.treated()
            + "' nor data.control '"
            + task.control()
            + "'";
  }

  private static <T> T[] pick(T[] values, int[] at) {
    T[] picked = Arrays.copyOf(values, at.length);
    for (int i = 0; i < at.length; i++) {
      picked[i] = values[at[i]];
    }
    return picked;
  }

  private static double[] pickDoubles(double[] values, int[] at) {
    return Arrays.stream(at).mapToDouble(i -> values[i]).toArray();
  }

  private static long[] pickLongs(long[] values, int[] at) {
    return Arrays.stream(at).mapToLong(i -> values[i]).toArray();
  }

  private static boolean[] pickBooleans(boolean[] values, int[] at) {
    boolean[] picked = new boolean[at.length];
    for (int i = 0; i < at.length; i++) {
      picked[i] = values[at[i]];
    }
    return picked;
  }
}

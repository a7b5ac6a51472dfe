package dev.precis.model;

import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** The two Tribuo labels every Precis model is trained on, whatever the target's own values. */
public final class Labels {
  public static final String POSITIVE_NAME = "1";
  public static final Label POSITIVE = new Label(POSITIVE_NAME);
  public static final Label NEGATIVE = new Label("0");
  public static final LabelFactory FACTORY = new LabelFactory();

  private Labels() {}

  public static Label of(boolean positive) {
    return positive ? POSITIVE : NEGATIVE;
  }
}

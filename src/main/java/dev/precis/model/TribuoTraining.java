package dev.precis.model;

import dev.precis.PrecisException;
import dev.precis.data.EncodedData;
import java.util.function.Supplier;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * What the families built on Tribuo's own trainers share: they fit a trainer (or, for a forest,
 * several) on the training rows as one Tribuo dataset.
 */
final class TribuoTraining {
  private static final String DESCRIPTION = "precis training rows";

  private TribuoTraining() {}

  /** The training rows as the dataset every Tribuo trainer takes. */
  static MutableDataset<Label> dataset(EncodedData train) {
    return TribuoData.dataset(train, DESCRIPTION);
  }

  /**
   * What a trainer reads of {@link #dataset} besides its examples, built without them.
   *
   * @param outputs the rows' labels ({@link TribuoData#outputs})
   */
  static TribuoData.Domains domains(EncodedData train, ImmutableOutputInfo<Label> outputs) {
    return TribuoData.domains(train, outputs, DESCRIPTION);
  }

  /**
   * Fits one trainer on the training rows.
   *
   * @throws PrecisException (engine failure) when Tribuo refuses the rows
   */
  static TribuoModelArtifact fit(String type, Trainer<Label> trainer, EncodedData train) {
    return artifact(type, () -> trainer.train(dataset(train)));
  }

  /**
   * The model a fit makes, as the bundle's model artifact.
   *
   * @throws PrecisException (engine failure) when Tribuo refuses the rows or the settings
   */
  static TribuoModelArtifact artifact(String type, Supplier<Model<Label>> fit) {
    try {
      return new TribuoModelArtifact(TribuoModelArtifact.MODEL, fit.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new PrecisException(
          1,
          "Tribuo could not train the "
              + type
              + " model on these rows; run again with --stacktrace to see why",
          e);
    }
  }
}

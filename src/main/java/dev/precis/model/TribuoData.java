package dev.precis.model;

import dev.precis.data.EncodedData;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Encoded rows as a Tribuo dataset. */
public final class TribuoData {
  /** A fixed creation time keeps the provenance, and so the saved model, the same run to run. */
  private static final OffsetDateTime EPOCH =
      OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private TribuoData() {}

  public static MutableDataset<Label> dataset(EncodedData data, String description) {
    MutableDataset<Label> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(description, EPOCH, Labels.FACTORY), Labels.FACTORY);
    String[] names = data.featureNames().toArray(new String[0]);
    for (int r = 0; r < data.rows(); r++) {
      dataset.add(new ArrayExample<>(Labels.of(data.y()[r]), names, data.x()[r]));
    }
    return dataset;
  }
}

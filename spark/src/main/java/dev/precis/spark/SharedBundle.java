package dev.precis.spark;

import dev.precis.model.ModelBundle;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * A bundle as the executors get it: its bytes, read once on the driver and broadcast once, so that
 * each partition reads the model from memory instead of the file system.
 */
final class SharedBundle implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Broadcast<byte[]> bytes;
  private final String name;

  /**
   * @param name the bundle's path, for messages
   */
  SharedBundle(Broadcast<byte[]> bytes, String name) {
    this.bytes = bytes;
    this.name = name;
  }

  /** The bundle, read anew: call once per partition. */
  ModelBundle read() {
    return ModelBundle.read(new ByteArrayInputStream(bytes.value()), name);
  }
}

package dev.precis.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.precis.config.Mappers;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A network's weights saved as JSON with a format number, so that a later layout can still read
 * this one.
 */
final class JsonWeights {
  /** The saved form. */
  private record Saved<N>(int format, N network) {}

  private JsonWeights() {}

  static void save(OutputStream out, int format, Object network) throws IOException {
    out.write(Mappers.json().writeValueAsBytes(new Saved<>(format, network)));
  }

  /**
   * The format number of weights saved by {@link #save}, for a reader of several formats to pick
   * the one to read them as; -1 when they have none.
   *
   * @param what the network, for messages: "an mlp network"
   * @throws IOException when the bytes are not JSON
   */
  static int format(byte[] bytes, String what) throws IOException {
    try {
      return Mappers.json().readTree(bytes).path("format").asInt(-1);
    } catch (JsonProcessingException e) {
      throw new IOException("not " + what, e);
    }
  }

  /**
   * Reads weights saved by {@link #save}.
   *
   * @param what the network, for messages: "an mlp network"
   * @throws IOException when the bytes are not such a network of this format
   */
  static <N> N load(byte[] bytes, Class<N> type, int format, String what) throws IOException {
    return load(bytes, Mappers.json().constructType(type), format, what);
  }

  /** Reads weights saved by {@link #save} as a network of this type, a generic one included. */
  static <N> N load(byte[] bytes, JavaType type, int format, String what) throws IOException {
    JavaType saved = Mappers.json().getTypeFactory().constructParametricType(Saved.class, type);
    Saved<N> read;
    try {
      read = Mappers.json().readValue(bytes, saved);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IOException("not " + what, e);
    }
    if (read.format() != format || read.network() == null) {
      throw new IOException(what + " of format " + read.format() + ", not " + format);
    }
    return read.network();
  }
}

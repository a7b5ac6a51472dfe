package dev.precis.data;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import dev.precis.PrecisException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds of {@link ColumnStep} that pipeline.json can hold, by their tag. The built-in ones are
 * always known; another is one {@link #register} call away, and is then read and written like them.
 */
public final class PipelineSteps {
  private static final Map<String, Class<? extends ColumnStep>> TYPES = new ConcurrentHashMap<>();
  private static final Map<Class<?>, String> TAGS = new ConcurrentHashMap<>();

  static {
    register("numeric", NumericStep.class);
    register("numeric_bins", BinnedStep.class);
    register("categorical", CategoricalStep.class);
    register("text", TextStep.class);
    register("token_sequence", SequenceStep.class);
    register("text_embedding", EmbeddingStep.class);
    register("hashed_categorical", HashingStep.class);
    register("target_encoded", TargetStep.class);
    register("date", DateStep.class);
    register("date_gap", DateGapStep.class);
    register("boolean", BooleanStep.class);
  }

  private PipelineSteps() {}

  /**
   * Makes pipeline.json read and write {@code type} under {@code "step": tag}. Registering the same
   * pair again does nothing.
   *
   * @throws IllegalArgumentException when the tag or the class is already registered otherwise
   */
  public static synchronized void register(String tag, Class<? extends ColumnStep> type) {
    Class<?> known = TYPES.get(tag);
    String knownTag = TAGS.get(type);
    if ((known != null && known != type) || (knownTag != null && !knownTag.equals(tag))) {
      throw new IllegalArgumentException(
          "step '" + tag + "' or " + type.getName() + " is already registered otherwise");
    }
    TYPES.put(tag, type);
    TAGS.put(type, tag);
  }

  /**
   * Jackson's view of the registry, consulted on every read and write, so a step registered after
   * the first pipeline was read is still known.
   */
  public static final class TypeIds extends TypeIdResolverBase {
    private JavaType base;

    @Override
    public void init(JavaType baseType) {
      base = baseType;
    }

    @Override
    public String idFromValue(Object value) {
      return idFromValueAndType(value, value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> type) {
      String tag = TAGS.get(type);
      if (tag == null) {
        throw new IllegalArgumentException(
            type.getName() + " is not a registered pipeline step; see PipelineSteps.register");
      }
      return tag;
    }

    /**
     * @throws PrecisException (data) for a tag no registered step has
     */
    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
      Class<? extends ColumnStep> type = TYPES.get(id);
      if (type == null) {
        throw PrecisException.data(
            "unknown pipeline step '"
                + id
                + "' (this Precis knows "
                + String.join(", ", new TreeSet<>(TYPES.keySet()))
                + "); a newer Precis wrote it");
      }
      return context.constructSpecializedType(base, type);
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
      return JsonTypeInfo.Id.CUSTOM;
    }
  }
}

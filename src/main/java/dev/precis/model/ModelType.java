package dev.precis.model;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A model family as the config names it: its parameters, and how to make its trainer. The factory
 * is only called when a model of this type is trained, so a family's engine (TensorFlow's native
 * library, say) loads only then. {@code defaultSpace} is what `tune` searches when the config
 * declares no space, in the form of tune.space.
 */
public record ModelType(
    String name,
    String description,
    List<ParamSpec> params,
    Map<String, Object> defaultSpace,
    Supplier<ModelFamily> factory) {
  public ParamSpec param(String key) {
    return params.stream().filter(p -> p.name().equals(key)).findFirst().orElse(null);
  }

  public List<String> paramNames() {
    return params.stream().map(ParamSpec::name).toList();
  }
}

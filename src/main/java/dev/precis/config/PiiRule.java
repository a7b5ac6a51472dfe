package dev.precis.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What Precis does with one column of personal data (data.pii): {@code drop} it unread, {@code
 * hash} it with a keyed HMAC-SHA256, {@code mask} it to a declared part, or {@code keep} it as it
 * is (a column that only looks personal). Written in YAML as one word, or as {@code {mask:
 * domain}}, {@code {mask: {first: 3}}} or {@code {mask: {regex: '^(\S+) '}}}.
 *
 * @param action what is done with the column
 * @param mask the part kept, for {@link Action#MASK} only
 */
public record PiiRule(Action action, Mask mask) {
  private static final String FORMS =
      "drop, hash, keep, {mask: domain}, {mask: {first: N}} or {mask: {regex: PATTERN}}";

  /** What is done with a personal column. */
  public enum Action {
    /** Never read: not a feature, not profiled. */
    DROP,
    /** Read as the hex HMAC-SHA256 of the value under the key of data.pii_key. */
    HASH,
    /** Read as the declared part of the value. */
    MASK,
    /** Read as it is: declared not personal, so detection leaves it alone. */
    KEEP
  }

  /**
   * The part of a value that a mask keeps.
   *
   * @param kind which part
   * @param first the number of leading characters, for {@link Kind#FIRST}
   * @param regex a pattern whose first group is kept, for {@link Kind#REGEX}
   */
  public record Mask(Kind kind, int first, String regex) {
    /** Which part of the value is kept. */
    public enum Kind {
      /** What follows the last '@' of an e-mail address, lower-cased. */
      DOMAIN,
      /** The first N characters (a postcode's district, a phone number's area code). */
      FIRST,
      /** The first group of a regular expression found in the value. */
      REGEX
    }

    /** The compiled pattern of a {@link Kind#REGEX} mask. */
    public Pattern pattern() {
      return Pattern.compile(regex);
    }
  }

  public PiiRule {
    if ((action == Action.MASK) != (mask != null)) {
      throw new IllegalArgumentException("a mask rule, and only a mask rule, has a mask");
    }
  }

  /** Reads the YAML forms; a config error naming the forms for anything else. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static PiiRule of(Object value) {
    if (value instanceof String word) {
      return switch (word) {
        case "drop" -> new PiiRule(Action.DROP, null);
        case "hash" -> new PiiRule(Action.HASH, null);
        case "keep" -> new PiiRule(Action.KEEP, null);
        case "mask" -> throw problem("mask needs the part it keeps: {mask: domain}");
        default -> throw problem("'" + word + "' is not a rule");
      };
    }
    if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("mask")) {
      return new PiiRule(Action.MASK, mask(map.get("mask")));
    }
    throw problem("a rule is one of");
  }

  private static Mask mask(Object part) {
    if ("domain".equals(part)) {
      return new Mask(Mask.Kind.DOMAIN, 0, null);
    }
    if (part instanceof Map<?, ?> map && map.size() == 1) {
      if (map.get("first") instanceof Integer first) {
        if (first < 1) {
          throw problem("mask first must be at least 1 (got " + first + ")");
        }
        return new Mask(Mask.Kind.FIRST, first, null);
      }
      if (map.get("regex") instanceof String regex) {
        return new Mask(Mask.Kind.REGEX, 0, checked(regex));
      }
    }
    throw problem("a mask keeps one part");
  }

  private static String checked(String regex) {
    try {
      if (Pattern.compile(regex).matcher("").groupCount() < 1) {
        throw problem("mask regex '" + regex + "' has no (group) to keep");
      }
    } catch (PatternSyntaxException e) {
      throw problem("mask regex '" + regex + "' does not compile: " + e.getDescription());
    }
    return regex;
  }

  private static ConfigException problem(String what) {
    return new ConfigException("data.pii", what + ": " + FORMS);
  }

  /** The YAML form it was read from. */
  @JsonValue
  Object json() {
    if (action != Action.MASK) {
      return action.name().toLowerCase(java.util.Locale.ROOT);
    }
    Object part =
        switch (mask.kind()) {
          case DOMAIN -> "domain";
          case FIRST -> Map.of("first", mask.first());
          case REGEX -> Map.of("regex", mask.regex());
        };
    return Map.of("mask", part);
  }
}

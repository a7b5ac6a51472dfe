package dev.precis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specifies the header every report shares: the same first keys, in the same order. */
class ReportHeaderTest {
  private static final List<Class<? extends Record>> REPORTS =
      List.of(
          PrepReport.class,
          TrainReport.class,
          EvalReport.class,
          TuneReport.class,
          PredictReport.class);

  @Test
  void everyReportStartsWithSchemaVersionAndCreationTime() throws Exception {
    ReportHeader header = new ReportHeader("precis.test/1", "1.2.3", "2024-05-06T07:08:09Z");
    for (Class<? extends Record> type : REPORTS) {
      JsonNode json = new ObjectMapper().readTree(Reports.json(withHeader(type, header)));
      assertEquals(
          List.of("schema", "precis_version", "created_at"),
          firstKeys(json, 3),
          type.getSimpleName());
      assertEquals(
          List.of("precis.test/1", "1.2.3", "2024-05-06T07:08:09Z"),
          List.of(
              json.get("schema").asText(),
              json.get("precis_version").asText(),
              json.get("created_at").asText()),
          type.getSimpleName());
    }
  }

  @Test
  void aNewHeaderNamesThisBuildAndATimeInUtc() {
    ReportHeader header = ReportHeader.now(EvalReport.SCHEMA);
    assertEquals(EvalReport.SCHEMA, header.schema());
    assertEquals(Version.precis(), header.precisVersion());
    assertEquals(ZoneOffset.UTC, OffsetDateTime.parse(header.createdAt()).getOffset());
  }

  /** A report of this type with this header and every other component empty. */
  private static Object withHeader(Class<? extends Record> type, ReportHeader header)
      throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = types[i] == ReportHeader.class ? header : empty(types[i]);
    }
    Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
    return constructor.newInstance(values);
  }

  private static Object empty(Class<?> type) {
    Map<Class<?>, Object> zeros =
        Map.of(long.class, 0L, int.class, 0, double.class, 0.0, boolean.class, false);
    return zeros.get(type);
  }

  private static List<String> firstKeys(JsonNode json, int n) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> names = json.fieldNames(); names.hasNext() && keys.size() < n; ) {
      keys.add(names.next());
    }
    return keys;
  }
}

package io.logconv.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.lint.source.LoggingModel.Api;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LoggingApisTest {
  private static final Pattern TYPE_NAME = Pattern.compile("([a-z][a-z0-9]*\\.)+[A-Z]\\w*");

  @Test
  void everyApiHasItsLevelMethods() {
    assertThat(LoggingApis.LEVEL_METHODS).containsOnlyKeys(Api.values());
    assertThat(LoggingApis.LEVEL_METHODS.values()).allSatisfy(m -> assertThat(m).isNotEmpty());
  }

  @Test
  void everyTypeOfTheTablesResolvesThroughAWildcardImport() throws IllegalAccessException {
    List<String> named = new ArrayList<>();
    for (Field f : LoggingApis.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && !f.getName().equals("TYPES")) {
        collectTypeNames(f.get(null), named);
      }
    }
    assertThat(named).contains("org.slf4j.Logger", "lombok.extern.java.Log", "org.slf4j.MDC",
        "net.logstash.logback.marker.Markers", "java.util.logging.FileHandler");
    assertThat(LoggingApis.TYPES).containsAll(named);
  }

  private static void collectTypeNames(Object value, List<String> out) {
    if (value instanceof String s && TYPE_NAME.matcher(s).matches()) {
      out.add(s);
    } else if (value instanceof Map<?, ?> m) {
      collectTypeNames(m.keySet(), out);
    } else if (value instanceof Collection<?> c) {
      for (Object o : c) {
        collectTypeNames(o, out);
      }
    }
  }
}

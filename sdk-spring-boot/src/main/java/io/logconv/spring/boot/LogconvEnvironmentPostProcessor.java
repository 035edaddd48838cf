package io.logconv.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the conventions the console's structured format when the starter is on the class path:
 * it sets {@code logging.structured.format.console} to the {@link ConventionsFormatter} and {@code
 * spring.main.banner-mode} to {@code log} (the banner then becomes one conformant line), each only
 * if no property source of the application sets it, in a property source of lowest precedence. A
 * user's own value always wins, and so does a {@code logback-spring.xml} or {@code logging.config},
 * which Boot uses instead of its structured console. Registered in {@code META-INF/spring.factories};
 * runs after the application's configuration files are loaded and before logging starts.
 */
public class LogconvEnvironmentPostProcessor implements EnvironmentPostProcessor {
  /** Name of the property source holding the starter's defaults. */
  public static final String PROPERTY_SOURCE_NAME = "logconvDefaults";

  static final String CONSOLE_FORMAT = "logging.structured.format.console";
  static final String BANNER_MODE = "spring.main.banner-mode";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    if (!environment.containsProperty(CONSOLE_FORMAT)) {
      defaults.put(CONSOLE_FORMAT, ConventionsFormatter.class.getName());
    }
    if (!environment.containsProperty(BANNER_MODE)) {
      defaults.put(BANNER_MODE, "log");
    }
    if (!defaults.isEmpty()) {
      environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }
  }
}

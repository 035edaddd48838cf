package io.logconv.spring.boot;

import static io.logconv.spring.boot.ConventionsFormatterTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

/** The starter's defaults: present when the application sets nothing, absent when it does. */
class LogconvEnvironmentPostProcessorTest {
  private final LogconvEnvironmentPostProcessor processor = new LogconvEnvironmentPostProcessor();

  @Test
  void conventionsAndALoggedBannerByDefault() {
    StandardEnvironment env = env();
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("logging.structured.format.console")).isEqualTo(ConventionsFormatter.class.getName());
    assertThat(env.getProperty("spring.main.banner-mode")).isEqualTo("log");
    assertThat(env.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
        .as("lowest precedence")
        .isEqualTo(LogconvEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
  }

  @Test
  void theApplicationsOwnValuesWin() {
    StandardEnvironment env = env("logging.structured.format.console", "ecs", "spring.main.banner-mode", "off");
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(env.getProperty("spring.main.banner-mode")).isEqualTo("off");
    assertThat(env.getPropertySources().contains(LogconvEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
  }

  @Test
  void isRegisteredForBoot() throws Exception {
    java.util.Properties factories = new java.util.Properties();
    try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/spring.factories")) {
      factories.load(in);
    }
    assertThat(factories.getProperty("org.springframework.boot.env.EnvironmentPostProcessor"))
        .isEqualTo(LogconvEnvironmentPostProcessor.class.getName());
  }
}

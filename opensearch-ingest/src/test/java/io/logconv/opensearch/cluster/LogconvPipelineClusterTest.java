package io.logconv.opensearch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.ingest.common.IngestCommonPlugin;
import org.opensearch.transport.Netty4Plugin;

class LogconvPipelineClusterTest {
  @TempDir static Path dir;
  private static ThreeNodeCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    long t0 = System.nanoTime();
    cluster = ThreeNodeCluster.start(dir, List.of(Netty4Plugin.class, IngestCommonPlugin.class));
    System.out.printf("cluster green in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void smoke() {
    assertThat(cluster.runningNodes()).isEqualTo(3);
  }
}

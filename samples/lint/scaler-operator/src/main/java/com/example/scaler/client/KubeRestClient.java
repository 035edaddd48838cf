package com.example.scaler.client;

import com.example.scaler.config.OperatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import lombok.extern.slf4j.Slf4j;
import org.slf4j.MDC;

/** A minimal REST client for the Kubernetes API: GET and PATCH of Deployments. */
@Slf4j
public class KubeRestClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final OperatorConfig config;

  public KubeRestClient(OperatorConfig config) {
    this.config = config;
  }

  public String getDeployment(String namespace, String name) throws IOException {
    String path = "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + name;
    MDC.put("request.path", path);
    try {
      HttpResponse<String> response = http.send(request(path).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      log.debug("GET {} returned {}", path, response.statusCode());
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      MDC.remove("request.path");
    }
  }

  public boolean scale(String namespace, String name, int replicas) {
    String path = "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + name + "/scale";
    String body = "{\"spec\":{\"replicas\":" + replicas + "}}";
    try {
      HttpResponse<String> response = http.send(
          request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body))
              .header("Content-Type", "application/merge-patch+json").build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() / 100 == 2;
    } catch (IOException e) {
      log.warn("PATCH {} failed: {}", path, e.getMessage());
      return false;
    } catch (InterruptedException e) {
      e.printStackTrace();
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpRequest.Builder request(String path) {
    String bearer = "Bearer " + config.getApiToken();
    log.trace("authorization header is " + bearer);
    return HttpRequest.newBuilder(URI.create(config.apiServer() + path))
        .header("Authorization", bearer)
        .timeout(Duration.ofSeconds(10));
  }

  @SuppressWarnings("logconv:LC011") // a last-resort dump when the logger itself is broken
  void dumpState() {
    System.err.println("client for " + config.apiServer());
  }
}

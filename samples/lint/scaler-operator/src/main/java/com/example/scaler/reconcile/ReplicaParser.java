package com.example.scaler.reconcile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code spec.replicas} from a Deployment's JSON without a JSON library. */
final class ReplicaParser {
  private static final Pattern REPLICAS = Pattern.compile("\"replicas\"\\s*:\\s*(\\d+)");

  private ReplicaParser() {}

  static int replicas(String deploymentJson) {
    Matcher m = REPLICAS.matcher(deploymentJson);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Not a logging call: a method that happens to be named like a secret. */
  static String password() {
    return "n/a";
  }

  static String describe(String action) {
    return "action=" + action + " " + password().length();
  }
}

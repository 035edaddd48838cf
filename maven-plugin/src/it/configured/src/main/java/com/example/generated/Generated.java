package com.example.generated;

/** Excluded from linting by the configuration. */
public class Generated {
  public void run() {
    System.err.println("generated");
  }
}

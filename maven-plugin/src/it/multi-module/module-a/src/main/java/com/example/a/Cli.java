package com.example.a;

/** Prints instead of logging (not a main class, where printing would be a note). */
public class Cli {
  public void start() {
    System.out.println("started");
  }
}

package com.example.a;

/** Prints instead of logging. */
public class Cli {
  public static void main(String[] args) {
    System.out.println("started");
  }
}

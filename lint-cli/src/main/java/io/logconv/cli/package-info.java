/**
 * The {@code logconv} command (picocli): {@link io.logconv.cli.Main} runs {@link
 * io.logconv.cli.LogconvCommand} and its subcommands and exits with their code (0 all conform, 1
 * findings, 2 usage or I/O error). Commands are thin: they parse options, open files and hand the
 * work to {@code io.logconv.lint}. Errors are one line on stderr, never a stack trace.
 */
package io.logconv.cli;

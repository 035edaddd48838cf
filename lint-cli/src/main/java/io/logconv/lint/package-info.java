/** The source linter and log-file validator (lands with its issue). */
package io.logconv.lint;

/**
 * The check path: findings, rules and reporters shared by the source linter and the log-file
 * validator. A finding format lives here and nowhere else.
 */
package io.logconv.lint;

/**
 * The Spring Boot starter: the conventions as Boot's structured console format ({@link
 * io.logconv.spring.boot.ConventionsFormatter}), made the default by {@link
 * io.logconv.spring.boot.LogconvEnvironmentPostProcessor}, configured by {@link
 * io.logconv.spring.boot.LogconvProperties logconv.*}, and logconv's redaction for Boot's own JSON
 * formats ({@link io.logconv.spring.boot.RedactingJsonMembersCustomizer}).
 */
package io.logconv.spring.boot;

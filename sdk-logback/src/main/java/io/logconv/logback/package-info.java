/** The Logback encoder (lands with its issue). */
package io.logconv.logback;

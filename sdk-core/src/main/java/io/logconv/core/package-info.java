/** The zero-allocation JSON event writer (lands with its issue). */
package io.logconv.core;

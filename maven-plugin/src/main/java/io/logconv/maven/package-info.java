/** The logconv:check Maven goal (lands with its issue). */
package io.logconv.maven;

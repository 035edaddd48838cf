/** The Log4j2 layout that writes every event as one JSON line following the log conventions. */
package io.logconv.log4j2;

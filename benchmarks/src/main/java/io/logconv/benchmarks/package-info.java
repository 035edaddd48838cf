/** JMH benchmarks (land with the modules they measure). */
package io.logconv.benchmarks;

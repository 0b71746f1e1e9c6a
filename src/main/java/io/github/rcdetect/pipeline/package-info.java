/**
 * The pipeline every run mode shares: routing of the parsed records, the rules of the registry, the alert stage and
 * the rendering of alerts, between sources and {@link io.github.rcdetect.io.Sinks} the run mode brings.
 */
package io.github.rcdetect.pipeline;

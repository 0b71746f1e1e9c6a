/**
 * The job's outputs as JSON, written once at the sink edge: alerts rendered from detections ({@link
 * io.github.rcdetect.output.AlertDocuments}), dead letters and late records ({@link
 * io.github.rcdetect.output.OutputDocuments}), all through the one writer {@link io.github.rcdetect.output.Json},
 * which keeps every line printable ASCII.
 */
package io.github.rcdetect.output;

/**
 * The records the job reads, reduced to what the rules and alerts use: Activity Log records, endpoint process events,
 * where each was read, and the dead letters and late records that leave the job beside the alerts. Plain classes that
 * Flink serializes as POJOs; the names of those kept in state ({@code ActivityEvent}, {@code ProcessEvent},
 * {@code Origin}, {@code EventStream}) are fixed by the savepoints that hold them.
 */
package io.github.rcdetect.event;

/**
 * What the rules find, as data: a {@link io.github.rcdetect.detection.Detection} holds the rule, the host, the time,
 * the id, and the process or the invocation with its processes that every alert field is computed from. Detections
 * pass through the alert stage (which reads their fields) and are rendered to ECS once, at the sink edge. Plain
 * classes Flink serializes as POJOs, without Kryo.
 */
package io.github.rcdetect.detection;

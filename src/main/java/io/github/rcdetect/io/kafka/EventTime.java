package io.github.rcdetect.io.kafka;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a topic's watermark follows its records.
 *
 * @param outOfOrderness how far behind the largest time seen the watermark trails
 * @param idleTimeout how long a silent partition holds the others back
 */
public record EventTime(Duration outOfOrderness, Duration idleTimeout) implements Serializable {}

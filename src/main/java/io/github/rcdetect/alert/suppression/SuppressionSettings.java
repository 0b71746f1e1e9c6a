package io.github.rcdetect.alert.suppression;

import java.io.Serializable;
import java.util.List;

/**
 * A rule's {@code alert_suppression} (docs/spec.md, section 12).
 *
 * @param groupBy 1 to 3 alert fields
 * @param durationMillis how long after a group's first alert later ones are suppressed into it
 * @param suppressMissing {@code missing_fields_strategy} {@code suppress} (alerts lacking a field group under null);
 *     false for {@code doNotSuppress} (such alerts pass alone)
 */
public record SuppressionSettings(List<String> groupBy, long durationMillis, boolean suppressMissing)
        implements Serializable {}

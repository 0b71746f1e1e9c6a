package io.github.rcdetect.alert.suppression;

import io.github.rcdetect.alert.fields.AlertFields;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.detection.Suppression;
import io.github.rcdetect.output.AlertDocuments;

import org.apache.flink.api.common.functions.MapFunction;

import java.util.List;
import java.util.Map;

/**
 * Gives each detection of a suppressing rule its group's terms (docs/spec.md, section 12): each {@code group_by}
 * field's values, sorted, or null for a missing field. A detection lacking a field under {@code doNotSuppress}, and
 * every detection of a rule without suppression, passes without terms and is never suppressed.
 */
public final class SuppressionGroups implements MapFunction<Detection, Detection> {
    private static final long serialVersionUID = 1L;

    private final Map<String, SuppressionSettings> settings;
    private final AlertDocuments documents;

    public SuppressionGroups(Map<String, SuppressionSettings> settings, Map<String, RuleMetadata> rules) {
        this.settings = settings;
        this.documents = new AlertDocuments(rules);
    }

    @Override
    public Detection map(Detection detection) {
        SuppressionSettings rule = settings.get(detection.ruleId);
        if (rule == null) {
            return detection;
        }
        AlertFields fields = new AlertFields(documents.document(detection).node());
        Suppression suppression = new Suppression();
        suppression.fields = rule.groupBy().toArray(new String[0]);
        suppression.values = new Suppression.SuppressionValues[suppression.fields.length];
        for (int i = 0; i < suppression.fields.length; i++) {
            List<String> values = fields.values(suppression.fields[i]);
            if (values.isEmpty() && !rule.suppressMissing()) {
                return detection;
            }
            String[] sorted = values.isEmpty() ? null : values.stream().sorted().toArray(String[]::new);
            suppression.values[i] = Suppression.SuppressionValues.of(sorted);
        }
        suppression.start = detection.timestamp;
        suppression.end = detection.timestamp;
        detection.suppression = suppression;
        return detection;
    }

    /** The key a detection is suppressed under: its rule and terms; an unsuppressed one's own event id. */
    public static String key(Detection detection) {
        Suppression suppression = detection.suppression;
        if (suppression == null) {
            return "alert\u0000" + detection.eventId;
        }
        StringBuilder key = new StringBuilder("group\u0000").append(detection.ruleId);
        for (Suppression.SuppressionValues values : suppression.values) {
            key.append('\u0000').append(values.values == null ? "\u0001" : String.join("\u0002", values.values));
        }
        return key.toString();
    }
}

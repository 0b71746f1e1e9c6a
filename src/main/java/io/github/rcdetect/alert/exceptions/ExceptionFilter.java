package io.github.rcdetect.alert.exceptions;

import io.github.rcdetect.alert.fields.AlertFields;
import io.github.rcdetect.alert.suppression.RuleSettings;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.metrics.JobCounter;
import io.github.rcdetect.output.AlertDocuments;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

import java.util.HashMap;
import java.util.Map;

/**
 * Drops the detections of disabled rules and those an exception item matches (docs/spec.md, section 11), judged on
 * the alert's own fields as its ECS document has them, counting the dropped ones per rule.
 */
public final class ExceptionFilter extends RichFilterFunction<Detection> {
    private static final long serialVersionUID = 1L;
    /** The counter of alerts dropped by an exception, labelled by rule. */
    public static final String DROPPED = "alertsDroppedByExceptions";

    private final Exceptions exceptions;
    private final RuleSettings settings;
    private final AlertDocuments documents;
    private final String[] ruleIds;
    private transient Map<String, JobCounter> dropped;

    public ExceptionFilter(Exceptions exceptions, RuleSettings settings, Map<String, RuleMetadata> rules) {
        this.exceptions = exceptions;
        this.settings = settings;
        this.documents = new AlertDocuments(rules);
        this.ruleIds = rules.keySet().toArray(new String[0]);
    }

    @Override
    public void open(OpenContext openContext) {
        dropped = new HashMap<>();
        for (String rule : ruleIds) {
            dropped.put(rule, JobCounter.register(getRuntimeContext(), DROPPED, "rule", rule));
        }
    }

    @Override
    public boolean filter(Detection detection) {
        if (!settings.enabled(detection.ruleId)) {
            return false;
        }
        if (exceptions.isEmpty()) {
            return true;
        }
        AlertFields fields = new AlertFields(documents.document(detection).node());
        if (exceptions.dropping(fields, detection.timestamp) != null) {
            dropped.get(detection.ruleId).inc();
            return false;
        }
        return true;
    }
}

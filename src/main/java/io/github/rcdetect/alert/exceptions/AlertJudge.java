package io.github.rcdetect.alert.exceptions;

import io.github.rcdetect.alert.fields.AlertFields;
import io.github.rcdetect.alert.suppression.RuleSettings;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.metrics.JobCounter;
import io.github.rcdetect.output.AlertDocuments;

import org.apache.flink.api.common.functions.RuntimeContext;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What both exception operators decide (docs/spec.md, section 11): a detection of a disabled rule, or one an exception
 * item matches on the alert's own fields as its ECS document has them, is dropped; the dropped ones are counted per
 * rule.
 */
final class AlertJudge implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RuleSettings settings;
    private final AlertDocuments documents;
    private final String[] ruleIds;
    private transient Map<String, JobCounter> dropped;

    AlertJudge(RuleSettings settings, Map<String, RuleMetadata> rules) {
        this.settings = settings;
        this.documents = new AlertDocuments(rules);
        this.ruleIds = rules.keySet().toArray(new String[0]);
    }

    void open(RuntimeContext context) {
        dropped = new HashMap<>();
        for (String rule : ruleIds) {
            dropped.put(rule, JobCounter.register(context, ExceptionFilter.DROPPED, "rule", rule));
        }
    }

    boolean keeps(Detection detection, Exceptions exceptions) {
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

package io.github.rcdetect.alert;

import io.github.rcdetect.alert.exceptions.ExceptionFilter;
import io.github.rcdetect.alert.exceptions.LiveExceptions;
import io.github.rcdetect.alert.suppression.SuppressAlerts;
import io.github.rcdetect.alert.suppression.SuppressionGroups;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.event.TuningUpdate;
import io.github.rcdetect.metrics.CountByLabel;
import io.github.rcdetect.serialization.WireTypes;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.util.List;
import java.util.Map;

/**
 * The one stage between the rules and the sinks that sees every detection: disabled rules and exceptions drop
 * (docs/spec.md, section 11), suppression groups (section 12), and what is left is counted per rule. The operators are
 * there whatever the tuning, so a savepoint taken without tuning restores into a job with it (and into one with tuning
 * topics: the exceptions' broadcast state then starts empty and fills from the topics).
 */
public final class AlertStage {
    /** The counter of alerts written, labelled by rule. */
    public static final String ALERTS = "alerts";

    private AlertStage() {}

    /**
     * @param rules every rule of the registry, by id
     * @param updates the tuning topics' items and lists, each checked ({@link LiveExceptions#invalid}); null to apply
     *     the exceptions of {@code tuning} alone
     */
    public static DataStream<Detection> apply(
            DataStream<Detection> detections,
            Map<String, RuleMetadata> rules,
            AlertTuning tuning,
            DataStream<TuningUpdate> updates) {
        List<String> ruleIds = List.copyOf(rules.keySet());
        SingleOutputStreamOperator<Detection> kept = updates == null
                ? detections.filter(new ExceptionFilter(tuning.exceptions(), tuning.settings(), rules))
                : detections
                        .connect(updates.broadcast(LiveExceptions.ITEMS, LiveExceptions.LISTS))
                        .process(new LiveExceptions(tuning.settings(), rules), WireTypes.DETECTION);
        return kept.name("exceptions")
                .uid("apply-exceptions")
                .map(new SuppressionGroups(tuning.settings().suppression(), rules), WireTypes.DETECTION)
                .name("suppression groups")
                .uid("suppression-groups")
                .keyBy(SuppressionGroups::key)
                .process(
                        new SuppressAlerts(tuning.settings().suppression(), tuning.finalFiguresOnly(), ruleIds),
                        WireTypes.DETECTION)
                .name("suppress alerts")
                .uid("suppress-alerts")
                .map(new CountByLabel<>(ALERTS, "rule", detection -> detection.ruleId, ruleIds.toArray(new String[0])))
                .name("count alerts")
                .uid("count-alerts");
    }
}

package io.github.rcdetect.alert.suppression;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.metrics.JobCounter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alert suppression per rule and group, in event time (docs/spec.md, section 12). The group's first alert opens its
 * window; later alerts within the duration of the first are suppressed into it; one after the window opens a new
 * group. Keyed by {@link SuppressionGroups#key}; a detection without terms passes at once.
 *
 * <p>Streaming ({@code finalFiguresOnly} false): the first alert leaves at once, and when the window has passed with
 * alerts suppressed, one update with the same {@code event.id} and the final figures. Exactly once holds because the
 * group is Flink state and the sinks are transactional. Bounded: every group leaves once, with its final figures, when
 * the input ends (the groups then follow from the alerts sorted by time, whatever order they came in).
 *
 * <p>State per group ends with its window: cleared when its timer fires.
 */
public final class SuppressAlerts extends KeyedProcessFunction<String, Detection, Detection> {
    private static final long serialVersionUID = 1L;
    /** The counter of suppressed alerts, labelled by rule. */
    public static final String SUPPRESSED = "alertsSuppressed";

    private static final Comparator<Detection> TIME_ORDER =
            Comparator.<Detection>comparingLong(d -> d.timestamp).thenComparing(d -> d.eventId);

    private final Map<String, SuppressionSettings> settings;
    private final boolean finalFiguresOnly;
    private final String[] ruleIds;
    private transient ValueState<Detection> first;
    private transient ListState<Detection> pending;
    private transient ValueState<Long> closesAt;
    private transient Map<String, JobCounter> suppressed;

    public SuppressAlerts(Map<String, SuppressionSettings> settings, boolean finalFiguresOnly, List<String> ruleIds) {
        this.settings = settings;
        this.finalFiguresOnly = finalFiguresOnly;
        this.ruleIds = ruleIds.toArray(new String[0]);
    }

    @Override
    public void open(OpenContext openContext) {
        TypeInformation<Detection> type = TypeInformation.of(Detection.class);
        first = getRuntimeContext().getState(new ValueStateDescriptor<>("group-first-alert", type));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("group-pending-alerts", type));
        closesAt = getRuntimeContext().getState(new ValueStateDescriptor<>("group-closes-at", Types.LONG));
        suppressed = new HashMap<>();
        for (String rule : ruleIds) {
            suppressed.put(rule, JobCounter.register(getRuntimeContext(), SUPPRESSED, "rule", rule));
        }
    }

    @Override
    public void processElement(Detection detection, Context ctx, Collector<Detection> out) throws Exception {
        if (detection.suppression == null) {
            out.collect(detection);
            return;
        }
        if (finalFiguresOnly) {
            pending.add(detection);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            return;
        }
        long duration = settings.get(detection.ruleId).durationMillis();
        Detection group = first.value();
        if (group != null && Math.abs(detection.timestamp - group.timestamp) <= duration) {
            group.suppression.docsCount++;
            group.suppression.start = Math.min(group.suppression.start, detection.timestamp);
            group.suppression.end = Math.max(group.suppression.end, detection.timestamp);
            first.update(group);
            suppressed.get(detection.ruleId).inc();
            return;
        }
        if (group != null) {
            close(group, ctx, out);
        }
        out.collect(detection.withFiguresNow());
        first.update(detection);
        long closes = detection.timestamp + duration + 1;
        closesAt.update(closes);
        ctx.timerService().registerEventTimeTimer(closes);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Detection> out) throws Exception {
        if (finalFiguresOnly) {
            List<Detection> alerts = new ArrayList<>();
            pending.get().forEach(alerts::add);
            alerts.sort(TIME_ORDER);
            Detection group = null;
            for (Detection alert : alerts) {
                long duration = settings.get(alert.ruleId).durationMillis();
                if (group != null && alert.timestamp - group.timestamp <= duration) {
                    group.suppression.docsCount++;
                    group.suppression.end = alert.timestamp;
                    suppressed.get(alert.ruleId).inc();
                } else {
                    if (group != null) {
                        out.collect(group);
                    }
                    group = alert;
                }
            }
            if (group != null) {
                out.collect(group);
            }
            pending.clear();
            return;
        }
        Long closes = closesAt.value();
        Detection group = first.value();
        if (group != null && closes != null && closes == timestamp) {
            close(group, ctx, out);
        }
    }

    /** Ends the group: its update when it suppressed alerts, then its state and timer are gone. */
    private void close(Detection group, Context ctx, Collector<Detection> out) throws Exception {
        if (group.suppression.docsCount > 0) {
            out.collect(group.withFiguresNow());
        }
        Long closes = closesAt.value();
        if (closes != null) {
            ctx.timerService().deleteEventTimeTimer(closes);
        }
        first.clear();
        closesAt.clear();
    }
}

package io.github.rcdetect.pipeline;

import io.github.rcdetect.alert.AlertStage;
import io.github.rcdetect.alert.AlertTuning;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.domain.HostInventory;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.event.TuningUpdate;
import io.github.rcdetect.io.Sinks;
import io.github.rcdetect.metrics.CountByLabel;
import io.github.rcdetect.output.AlertDocuments;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.rules.CorrelationSettings;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.RuleInputs;
import io.github.rcdetect.rules.RuleOutput;
import io.github.rcdetect.rules.registry.Rules;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * The detection, independent of where records come from and go to (docs/architecture.md):
 *
 * <pre>
 *   activity records ──────────────── route ─┬─ rule 1 ─┐
 *   process records ── route ─ resolve hosts ┼─ rule 2 ─┼─ alert stage ─ alert documents ─ sinks.alerts
 *   inventory updates ─ route ─┘             ├─  ...   ─┘   │
 *   exception items and value lists ─ route ─┼──────────────┘
 *                                            └─ dead letters ─ sinks.deadLetters   late records ─ sinks.lateRecords
 * </pre>
 *
 * Sources parse and timestamp their records (so watermarks see every record); each rule of the registry gets the
 * routed events and adds its operators; the caller brings the sources and the sinks.
 */
public final class DetectionPipeline {
    /** The counter of late records, labelled by stream. */
    public static final String LATE_RECORDS = "lateRecords";

    private DetectionPipeline() {}

    /**
     * Settings every job with this pipeline runs with. Every type has a Flink serializer, and a type that would fall
     * back to Kryo fails the job when it is built rather than slowing it down when it runs. Object reuse: no function
     * of the pipeline keeps or changes a record it is given, so chained operators may pass records on without Flink
     * copying each one at every step.
     */
    public static Configuration jobConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        return configuration;
    }

    /** The pipeline without a host inventory: guests correlate by name and cloud metadata alone. */
    public static void build(
            DataStream<InputRecord> activityRecords,
            DataStream<InputRecord> processRecords,
            CorrelationSettings settings,
            Sinks sinks) {
        build(
                activityRecords,
                processRecords,
                new HostInventory(),
                SideTopics.none(),
                settings,
                AlertTuning.none(true),
                ParserLimits.defaults(),
                sinks);
    }

    /**
     * @param inventory the host inventory read at start-up (empty for none)
     * @param sideTopics the updates of the inventory and tuning topics
     * @param tuning exceptions, rule settings, and how suppressed groups leave
     * @param limits the bounds of dead letters the pipeline makes of tuning messages
     */
    public static void build(
            DataStream<InputRecord> activityRecords,
            DataStream<InputRecord> processRecords,
            HostInventory inventory,
            SideTopics sideTopics,
            CorrelationSettings settings,
            AlertTuning tuning,
            ParserLimits limits,
            Sinks sinks) {
        SingleOutputStreamOperator<ActivityEvent> activity = activityRecords
                .process(new InputRouter.Activity())
                .name("route activity")
                .uid("route-activity");
        SingleOutputStreamOperator<ProcessEvent> processes = processRecords
                .process(new InputRouter.Process())
                .name("route process")
                .uid("route-process");

        HostResolution.Resolved resolved = HostResolution.apply(processes, inventory, sideTopics.inventory());

        RuleInputs inputs = new RuleInputs(activity, resolved.processes(), settings);
        List<DataStream<Detection>> detections = new ArrayList<>();
        List<DataStream<LateRecord>> late = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            RuleOutput output = rule.detect(inputs);
            detections.add(output.detections());
            if (output.lateRecords() != null) {
                late.add(output.lateRecords());
            }
        }

        SingleOutputStreamOperator<TuningUpdate> tuningUpdates = sideTopics.tuning() == null
                ? null
                : sideTopics
                        .tuning()
                        .process(new UpdateRouter<>(
                                new TuningJudge(limits.maxDeadLetterBytes()),
                                EventStream.EXCEPTIONS,
                                EventStream.VALUE_LISTS))
                        .name("route exceptions")
                        .uid("route-exceptions")
                        .setParallelism(1);
        sinks.alerts(AlertStage.apply(union(detections), Rules.metadata(), tuning, tuningUpdates)
                .map(new AlertDocuments(Rules.metadata()))
                .name("alert documents")
                .uid("alert-documents"));
        DataStream<DeadLetter> deadLetters = activity.getSideOutput(InputRouter.DEAD_LETTERS)
                .union(processes.getSideOutput(InputRouter.DEAD_LETTERS));
        if (resolved.deadLetters() != null) {
            deadLetters = deadLetters.union(resolved.deadLetters());
        }
        if (tuningUpdates != null) {
            deadLetters = deadLetters.union(tuningUpdates.getSideOutput(InputRouter.DEAD_LETTERS));
        }
        sinks.deadLetters(deadLetters);
        sinks.lateRecords(union(late)
                .map(new CountByLabel<>(
                        LATE_RECORDS,
                        "stream",
                        record -> record.stream().id(),
                        EventStream.ACTIVITY.id(),
                        EventStream.PROCESS.id()))
                .name("count late records")
                .uid("count-late-records"));
    }

    @SuppressWarnings("unchecked")
    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        DataStream<T> first = streams.get(0);
        return streams.size() == 1
                ? first
                : first.union(streams.subList(1, streams.size()).toArray(new DataStream[0]));
    }
}

package io.github.rcdetect;

import io.github.rcdetect.alert.Alert;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.metrics.CountByLabel;
import io.github.rcdetect.rules.r1.CorrelationAlert;
import io.github.rcdetect.rules.r1.RunCommandCorrelation;
import io.github.rcdetect.rules.r2.ScriptChildProcess;
import io.github.rcdetect.rules.r2.ScriptChildProcessAlert;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The detection, independent of where records come from and go to:
 *
 * <pre>
 *   activity records ─ route ─┬──────────────────────── R1 correlation (CEP, keyed by host) ─┬─ alerts
 *   process records ── route ─┼─ R2 filter ─ R2 alert ──────────────────────────────────────┘
 *                             └─ dead letters                         late records (R1) ─── late
 * </pre>
 *
 * Sources parse and timestamp their records (so watermarks see every record); sinks are attached by the caller.
 */
public final class DetectionTopology {

    static final String ALERTS = "alerts";
    static final String LATE_RECORDS = "lateRecords";

    /** What the detection produces. */
    public record Outputs(
            DataStream<Alert> alerts, DataStream<DeadLetter> deadLetters, DataStream<LateRecord> lateRecords) {}

    private DetectionTopology() {}

    /**
     * Settings every job with this topology runs with. Every type has a Flink serializer, and a type that would fall
     * back to Kryo fails the job when it is built rather than slowing it down when it runs. Object reuse: no function
     * of the topology keeps or changes a record it is given, so chained operators may pass records on without Flink
     * copying each one at every step.
     */
    public static Configuration jobConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        return configuration;
    }

    public static Outputs build(
            DataStream<InputRecord> activityRecords,
            DataStream<InputRecord> processRecords,
            RunCommandCorrelation.Settings r1Settings) {
        SingleOutputStreamOperator<ActivityEvent> activity =
                activityRecords.process(new InputRouter.Activity()).name("route activity").uid("route-activity");
        SingleOutputStreamOperator<ProcessEvent> processes =
                processRecords.process(new InputRouter.Process()).name("route process").uid("route-process");

        DataStream<Alert> r2 =
                processes.filter(ScriptChildProcess::matches)
                        .name("R2 script child process")
                        .uid("r2-filter")
                        .map(new ScriptChildProcessAlert())
                        .name("R2 alert")
                        .uid("r2-alert");
        RunCommandCorrelation.Output r1 = RunCommandCorrelation.apply(activity, processes, r1Settings);

        DataStream<Alert> alerts =
                r1.alerts()
                        .union(r2)
                        .map(
                                new CountByLabel<>(
                                        ALERTS,
                                        "rule",
                                        alert -> alert.ruleId,
                                        CorrelationAlert.RULE.id(),
                                        ScriptChildProcessAlert.RULE.id()))
                        .name("count alerts")
                        .uid("count-alerts");
        DataStream<DeadLetter> deadLetters =
                activity.getSideOutput(InputRouter.DEAD_LETTERS)
                        .union(processes.getSideOutput(InputRouter.DEAD_LETTERS));
        DataStream<LateRecord> late =
                r1.lateRecords()
                        .map(
                                new CountByLabel<>(
                                        LATE_RECORDS,
                                        "stream",
                                        record -> record.stream().id(),
                                        EventStream.ACTIVITY.id(),
                                        EventStream.PROCESS.id()))
                        .name("count late records")
                        .uid("count-late-records");
        return new Outputs(alerts, deadLetters, late);
    }
}

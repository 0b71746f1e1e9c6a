package io.github.rcdetect.rules.r1;

import io.github.rcdetect.alert.Alert;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;

/**
 * R1, Azure Run Command correlated with process execution: Run Command records become invocations, guest processes
 * are filtered to candidates, and a CEP pattern keyed by host pairs each invocation with the processes that follow it
 * within 120 s.
 */
public final class RunCommandCorrelation {
    /** Guest processes (and, defensively, invocations) that reached the CEP operator behind its watermark. */
    static final OutputTag<HostEvent> LATE_AT_PATTERN =
            new OutputTag<>("r1-late-at-pattern", TypeInformation.of(HostEvent.class));

    /** R1's alerts, and its inputs that arrived too late to correlate. */
    public record Output(DataStream<Alert> alerts, DataStream<LateRecord> lateRecords) {}

    private RunCommandCorrelation() {}

    /**
     * @param settings how long invocations last and how late the Activity Log may be delivered
     */
    public static Output apply(
            DataStream<ActivityEvent> activity, DataStream<ProcessEvent> processes, Settings settings) {
        SingleOutputStreamOperator<ActivityEvent> runCommands =
                activity.filter(RunCommandRecords::matches)
                        .name("R1 Run Command records")
                        .uid("r1-run-command-filter")
                        .keyBy(record -> record.hostKey)
                        .connect(
                                processes.filter(GuestProcesses::matches)
                                        .name("R1 guest processes")
                                        .uid("r1-guest-process-filter")
                                        .keyBy(process -> process.hostKey))
                        .transform(
                                "R1 event time",
                                TypeInformation.of(ActivityEvent.class),
                                new QuietActivityWatermark(settings.maxActivityDelay()))
                        .uid("r1-event-time");

        SingleOutputStreamOperator<Invocation> invocations =
                runCommands
                        .keyBy(record -> record.hostKey)
                        .process(new InvocationAssembler(settings.maxInvocationSpan()))
                        .name("R1 invocations")
                        .uid("r1-invocations");

        DataStream<HostEvent> guestProcesses =
                runCommands
                        .getSideOutput(QuietActivityWatermark.PROCESSES)
                        .map(HostEvent::of)
                        .name("R1 guest process events")
                        .uid("r1-guest-process-events");

        SingleOutputStreamOperator<Alert> closedBySuccessor =
                CEP.pattern(
                                invocations
                                        .map(HostEvent::of)
                                        .name("R1 invocation events")
                                        .uid("r1-invocation-events")
                                        .union(guestProcesses)
                                        .keyBy(HostEvent::hostKey),
                                CorrelationPattern.pattern(),
                                new HostEventOrder())
                        .sideOutputLateData(LATE_AT_PATTERN)
                        .process(new CorrelationAlert())
                        .name("R1 correlation (CEP)")
                        .uid("r1-correlation");

        DataStream<Alert> alerts =
                closedBySuccessor.union(closedBySuccessor.getSideOutput(CorrelationAlert.WINDOW_CLOSED));
        DataStream<LateRecord> late =
                invocations
                        .getSideOutput(InvocationAssembler.LATE)
                        .union(
                                closedBySuccessor
                                        .getSideOutput(LATE_AT_PATTERN)
                                        .flatMap(new ToLateRecords())
                                        .name("R1 late at pattern")
                                        .uid("r1-late-at-pattern"));
        return new Output(alerts, late);
    }

    /**
     * R1's time settings.
     *
     * @param maxInvocationSpan how long after a Run Command its later records (Succeeded, ...) still join it
     * @param maxActivityDelay how long Azure may take to deliver an Activity Log record; R1 waits that long for
     *     one while the Activity Log is idle
     */
    public record Settings(Duration maxInvocationSpan, Duration maxActivityDelay) implements java.io.Serializable {}

    /** The source records behind an R1 event that arrived late. */
    private static final class ToLateRecords implements FlatMapFunction<HostEvent, LateRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(HostEvent event, Collector<LateRecord> out) {
            if (event.isProcess()) {
                out.collect(LateRecord.of(event.process));
            } else {
                for (ActivityEvent record : event.invocation.records) {
                    out.collect(LateRecord.of(record));
                }
            }
        }
    }
}

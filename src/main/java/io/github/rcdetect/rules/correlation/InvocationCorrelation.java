package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.rules.RuleInputs;
import io.github.rcdetect.rules.RuleOutput;
import io.github.rcdetect.serialization.WireTypeInfo;
import io.github.rcdetect.serialization.WireTypes;

import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.apache.flink.util.OutputTag;

import java.io.Serializable;
import java.util.Locale;

/**
 * A Run Command correlated with process execution, the engine of R1 and R3: the rule's Run Command records become
 * invocations, its guest processes are filtered to candidates, and a CEP pattern keyed by host pairs each invocation
 * with the processes that follow it within 120 s (docs/spec.md, "R1"). Operator names and uids start with the rule's
 * id ({@code R1 invocations}, {@code r1-invocations}); they are what savepoints map state by, so they never change.
 */
public final class InvocationCorrelation {
    private InvocationCorrelation() {}

    /**
     * What a rule brings to the engine.
     *
     * @param ruleId the rule's id, also the start of its operator names and (lower-cased) uids
     * @param runCommands the rule's Run Command records
     * @param guestProcesses the rule's guest processes
     * @param invocationClass the rule's own invocation class, which its state is kept as
     * @param eventClass the rule's own pattern event class, binding {@code I}
     */
    public record Spec<I extends Invocation, E extends CorrelationEvent<I>>(
            String ruleId,
            FilterFunction<ActivityEvent> runCommands,
            FilterFunction<ProcessEvent> guestProcesses,
            Class<I> invocationClass,
            Class<E> eventClass)
            implements Serializable {

        String uidPrefix() {
            return ruleId.toLowerCase(Locale.ROOT);
        }
    }

    public static <I extends Invocation, E extends CorrelationEvent<I>> RuleOutput apply(
            RuleInputs inputs, Spec<I, E> spec) {
        String id = spec.ruleId();
        String uid = spec.uidPrefix();
        OutputTag<ProcessEvent> processesTag = QuietActivityWatermark.processesTag(uid);
        SingleOutputStreamOperator<ActivityEvent> runCommands = inputs.activity()
                .filter(spec.runCommands())
                .returns(WireTypes.ACTIVITY_EVENT)
                .name(id + " Run Command records")
                .uid(uid + "-run-command-filter")
                .keyBy(record -> record.hostKey)
                .connect(inputs.processes()
                        .filter(spec.guestProcesses())
                        .returns(WireTypes.PROCESS_EVENT)
                        .name(id + " guest processes")
                        .uid(uid + "-guest-process-filter")
                        .keyBy(process -> process.hostKey))
                .transform(
                        id + " event time",
                        WireTypes.ACTIVITY_EVENT,
                        new QuietActivityWatermark(inputs.settings().maxActivityDelay(), processesTag))
                .uid(uid + "-event-time");

        OutputTag<LateRecord> lateRunCommands = InvocationAssembler.lateTag(uid);
        SingleOutputStreamOperator<I> invocations = runCommands
                .keyBy(record -> record.hostKey)
                .process(
                        new InvocationAssembler<>(
                                spec.invocationClass(), inputs.settings().maxInvocationSpan(), lateRunCommands),
                        TypeInformation.of(spec.invocationClass()))
                .name(id + " invocations")
                .uid(uid + "-invocations");

        TypeInformation<E> eventType = TypeInformation.of(spec.eventClass());
        TypeInformation<E> eventsOnTheWire = new WireTypeInfo<>(
                spec.eventClass(), new CorrelationEventSerializer<>(spec.eventClass(), spec.invocationClass()));
        DataStream<E> guestProcesses = runCommands
                .getSideOutput(processesTag)
                .map(new ProcessEvents<I, E>(spec.eventClass()), eventsOnTheWire)
                .name(id + " guest process events")
                .uid(uid + "-guest-process-events");

        OutputTag<E> lateAtPattern = new OutputTag<>(uid + "-late-at-pattern", eventType);
        OutputTag<Detection> windowClosed = CorrelationDetections.windowClosedTag(uid);
        // The events cross to the pattern's task on the wire, and become its POJO input (which CEP keeps in state)
        // in a step chained to it, keyed as the exchange left them.
        DataStream<E> patternInput = invocations
                .map(new InvocationEvents<I, E>(spec.eventClass()), eventsOnTheWire)
                .name(id + " invocation events")
                .uid(uid + "-invocation-events")
                .union(guestProcesses)
                .keyBy(CorrelationEvent::hostKey)
                .map(event -> event, eventType)
                .name(id + " pattern events")
                .uid(uid + "-pattern-events");
        SingleOutputStreamOperator<Detection> closedBySuccessor = CEP.pattern(
                        DataStreamUtils.reinterpretAsKeyedStream(patternInput, CorrelationEvent::hostKey),
                        CorrelationPattern.<E>pattern(),
                        new CorrelationEventOrder<E>())
                .sideOutputLateData(lateAtPattern)
                .process(new CorrelationDetections<E>(id, windowClosed), WireTypes.DETECTION)
                .name(id + " correlation (CEP)")
                .uid(uid + "-correlation");

        DataStream<Detection> detections = closedBySuccessor.union(closedBySuccessor.getSideOutput(windowClosed));
        DataStream<LateRecord> late = invocations
                .getSideOutput(lateRunCommands)
                .union(closedBySuccessor
                        .getSideOutput(lateAtPattern)
                        .flatMap(new LateRecords<E>(), TypeInformation.of(LateRecord.class))
                        .name(id + " late at pattern")
                        .uid(uid + "-late-at-pattern"));
        return new RuleOutput(detections, late);
    }

    /** A guest process as a pattern event of the rule's class. */
    private static final class ProcessEvents<I extends Invocation, E extends CorrelationEvent<I>>
            implements MapFunction<ProcessEvent, E> {
        private static final long serialVersionUID = 1L;
        private final Class<E> eventClass;

        ProcessEvents(Class<E> eventClass) {
            this.eventClass = eventClass;
        }

        @Override
        public E map(ProcessEvent process) {
            E event = InstantiationUtil.instantiate(eventClass);
            event.process = process;
            return event;
        }
    }

    /** An invocation as a pattern event of the rule's class. */
    private static final class InvocationEvents<I extends Invocation, E extends CorrelationEvent<I>>
            implements MapFunction<I, E> {
        private static final long serialVersionUID = 1L;
        private final Class<E> eventClass;

        InvocationEvents(Class<E> eventClass) {
            this.eventClass = eventClass;
        }

        @Override
        public E map(I invocation) {
            E event = InstantiationUtil.instantiate(eventClass);
            event.invocation = invocation;
            return event;
        }
    }

    /** The source records behind a pattern event that arrived late. */
    private static final class LateRecords<E extends CorrelationEvent<?>> implements FlatMapFunction<E, LateRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(E event, Collector<LateRecord> out) {
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

package io.github.rcdetect.rules.correlation;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.LateRecord;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the Run Command records of a host into invocations, one per correlation id, timed at the earliest record.
 *
 * <p>An invocation is emitted when the watermark reaches its time: by then every earlier record has arrived (or is
 * late), so its time is final, and the CEP operator downstream still sees it on time. Later records of an emitted
 * invocation are absorbed for {@code maxSpan} (Azure lets a script run 90 minutes), so a Succeeded record minutes
 * after the Start never poses as a new invocation. Records without a correlation id are each their own invocation.
 */
final class InvocationAssembler<I extends Invocation> extends KeyedProcessFunction<String, ActivityEvent, I> {
    private static final long serialVersionUID = 1L;

    private final Class<I> invocationClass;
    private final long maxSpanMillis;
    /** Run Command records that arrived after the watermark passed them. */
    private final OutputTag<LateRecord> late;

    /** Invocations waiting for the watermark to reach their time, by lower-cased correlation id. */
    private transient MapState<String, I> pending;
    /** Time of each emitted invocation by correlation id, kept for {@code maxSpan} to absorb its later records. */
    private transient MapState<String, Long> emitted;

    InvocationAssembler(Class<I> invocationClass, Duration maxSpan, OutputTag<LateRecord> late) {
        this.invocationClass = invocationClass;
        this.maxSpanMillis = maxSpan.toMillis();
        this.late = late;
    }

    static OutputTag<LateRecord> lateTag(String rulePrefix) {
        return new OutputTag<>(rulePrefix + "-late-run-command", TypeInformation.of(LateRecord.class));
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "pending-invocations", Types.STRING, TypeInformation.of(invocationClass)));
        emitted = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("emitted-invocations", Types.STRING, Types.LONG));
    }

    @Override
    public void processElement(ActivityEvent record, Context ctx, Collector<I> out) throws Exception {
        if (record.timestamp <= ctx.timerService().currentWatermark()) {
            ctx.output(late, LateRecord.of(record));
            return;
        }
        if (record.correlationId == null) {
            out.collect(invocationOf(record));
            return;
        }
        // Correlation ids are GUIDs: case does not make a different invocation.
        String correlationId = record.correlationId.toLowerCase(Locale.ROOT);
        if (emitted.contains(correlationId)) {
            return;
        }
        I invocation = pending.get(correlationId);
        if (invocation == null) {
            invocation = invocationOf(record);
        } else {
            invocation.add(record);
        }
        pending.put(correlationId, invocation);
        ctx.timerService().registerEventTimeTimer(invocation.timestamp);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<I> out) throws Exception {
        for (Map.Entry<String, I> entry : snapshot(pending.entries())) {
            I invocation = entry.getValue();
            if (invocation.timestamp <= time) {
                out.collect(invocation);
                pending.remove(entry.getKey());
                emitted.put(entry.getKey(), invocation.timestamp);
                ctx.timerService().registerEventTimeTimer(invocation.timestamp + maxSpanMillis);
            }
        }
        for (Map.Entry<String, Long> entry : snapshot(emitted.entries())) {
            if (entry.getValue() + maxSpanMillis <= time) {
                emitted.remove(entry.getKey());
            }
        }
    }

    private I invocationOf(ActivityEvent record) {
        I invocation = InstantiationUtil.instantiate(invocationClass);
        invocation.start(record);
        return invocation;
    }

    private static <K, V> List<Map.Entry<K, V>> snapshot(Iterable<Map.Entry<K, V>> entries) {
        List<Map.Entry<K, V>> copy = new ArrayList<>();
        for (Map.Entry<K, V> entry : entries) {
            copy.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        return copy;
    }
}

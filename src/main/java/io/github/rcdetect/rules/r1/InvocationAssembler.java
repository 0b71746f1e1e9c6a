package io.github.rcdetect.rules.r1;

import io.github.rcdetect.event.ActivityEvent;
import io.github.rcdetect.event.LateRecord;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
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
public final class InvocationAssembler extends KeyedProcessFunction<String, ActivityEvent, Invocation> {
    private static final long serialVersionUID = 1L;

    /** Run Command records that arrived after the watermark passed them. */
    public static final OutputTag<LateRecord> LATE =
            new OutputTag<>("r1-late-run-command", TypeInformation.of(LateRecord.class));

    private final long maxSpanMillis;

    /** Invocations waiting for the watermark to reach their time, by lower-cased correlation id. */
    private transient MapState<String, Invocation> pending;
    /** Time of each emitted invocation by correlation id, kept for {@code maxSpan} to absorb its later records. */
    private transient MapState<String, Long> emitted;

    public InvocationAssembler(Duration maxSpan) {
        this.maxSpanMillis = maxSpan.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-invocations", Types.STRING, TypeInformation.of(Invocation.class)));
        emitted =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("emitted-invocations", Types.STRING, Types.LONG));
    }

    @Override
    public void processElement(ActivityEvent record, Context ctx, Collector<Invocation> out) throws Exception {
        if (record.timestamp <= ctx.timerService().currentWatermark()) {
            ctx.output(LATE, LateRecord.of(record));
            return;
        }
        if (record.correlationId == null) {
            out.collect(Invocation.of(record));
            return;
        }
        // Correlation ids are GUIDs: case does not make a different invocation.
        String correlationId = record.correlationId.toLowerCase(Locale.ROOT);
        if (emitted.contains(correlationId)) {
            return;
        }
        Invocation invocation = pending.get(correlationId);
        if (invocation == null) {
            invocation = Invocation.of(record);
        } else {
            invocation.add(record);
        }
        pending.put(correlationId, invocation);
        ctx.timerService().registerEventTimeTimer(invocation.timestamp);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Invocation> out) throws Exception {
        for (Map.Entry<String, Invocation> entry : snapshot(pending.entries())) {
            Invocation invocation = entry.getValue();
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

    private static <K, V> List<Map.Entry<K, V>> snapshot(Iterable<Map.Entry<K, V>> entries) {
        List<Map.Entry<K, V>> copy = new ArrayList<>();
        for (Map.Entry<K, V> entry : entries) {
            copy.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        return copy;
    }
}

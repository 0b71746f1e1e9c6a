package io.github.rcdetect.alert.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rcdetect.alert.suppression.RuleSettings;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.TuningUpdate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exception items and value lists of the tuning topics (docs/spec.md, section 11), kept in broadcast state as the
 * text they came as and applied to every detection judged after them, without a restart. The items in force are
 * rebuilt from the state after each change and after a restore, in item-id order, so they are the same whatever order
 * the messages of different keys arrived in. An item naming a value list the topic does not hold (yet, or any more)
 * drops nothing until it does: an {@code excluded} list entry judged against a missing list would drop everything.
 */
public final class LiveExceptions extends BroadcastProcessFunction<Detection, TuningUpdate, Detection> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LiveExceptions.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Exception items by item id, as the JSON of their message. */
    public static final MapStateDescriptor<String, String> ITEMS =
            new MapStateDescriptor<>("exception-items", Types.STRING, Types.STRING);
    /** Value lists by list id, as the text of their message. */
    public static final MapStateDescriptor<String, String> LISTS =
            new MapStateDescriptor<>("value-lists", Types.STRING, Types.STRING);

    private final AlertJudge judge;
    /** The items in force; null when they must be rebuilt from the state. */
    private transient Exceptions exceptions;

    public LiveExceptions(RuleSettings settings, Map<String, RuleMetadata> rules) {
        this.judge = new AlertJudge(settings, rules);
    }

    /**
     * Why a message of a tuning topic changes nothing, or null when it is an item or a list: an item must have the
     * shape of one (the lists it names may come later) and its message key must be its {@code item_id}.
     */
    public static String invalid(TuningUpdate update) {
        if (update.isTombstone()) {
            return null;
        }
        try {
            if (update.stream == EventStream.VALUE_LISTS) {
                ValueLists.values(update.value);
                return null;
            }
            JsonNode item = MAPPER.readTree(update.value);
            if (item == null || !item.isObject()) {
                return "an exception item is a JSON object";
            }
            ExceptionExports.checkShape(item);
            if (!update.key.equals(item.path("item_id").asText())) {
                return "the message key must be the item's item_id";
            }
            return null;
        } catch (IOException e) {
            return "not JSON";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public void open(OpenContext openContext) {
        judge.open(getRuntimeContext());
    }

    @Override
    public void processElement(Detection detection, ReadOnlyContext ctx, Collector<Detection> out) throws Exception {
        if (exceptions == null) {
            exceptions = inForce(
                    ctx.getBroadcastState(ITEMS).immutableEntries(),
                    ctx.getBroadcastState(LISTS).immutableEntries());
        }
        if (judge.keeps(detection, exceptions)) {
            out.collect(detection);
        }
    }

    @Override
    public void processBroadcastElement(TuningUpdate update, Context ctx, Collector<Detection> out) throws Exception {
        BroadcastState<String, String> state =
                ctx.getBroadcastState(update.stream == EventStream.VALUE_LISTS ? LISTS : ITEMS);
        if (update.isTombstone()) {
            state.remove(update.key);
        } else {
            state.put(update.key, update.value);
        }
        exceptions = null;
    }

    /** The items of the state that can be applied, in item-id order. */
    static Exceptions inForce(
            Iterable<Map.Entry<String, String>> itemState, Iterable<Map.Entry<String, String>> listState) {
        Map<String, Set<String>> lists = new TreeMap<>();
        for (Map.Entry<String, String> list : listState) {
            lists.put(list.getKey(), ValueLists.values(list.getValue()));
        }
        ExceptionExports exports = new ExceptionExports(new ValueLists(lists));
        Map<String, String> sorted = new TreeMap<>();
        itemState.forEach(item -> sorted.put(item.getKey(), item.getValue()));
        List<ExceptionItem> items = new ArrayList<>();
        for (Map.Entry<String, String> item : sorted.entrySet()) {
            try {
                items.add(exports.item(MAPPER.readTree(item.getValue())));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("exception item {} drops nothing for now: {}", item.getKey(), e.getMessage());
            }
        }
        return new Exceptions(List.copyOf(items));
    }
}

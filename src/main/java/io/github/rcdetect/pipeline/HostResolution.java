package io.github.rcdetect.pipeline;

import io.github.rcdetect.domain.AzureMachine;
import io.github.rcdetect.domain.HostInventory;
import io.github.rcdetect.domain.HostMatch;
import io.github.rcdetect.domain.InventoryEntry;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InventoryUpdate;
import io.github.rcdetect.event.ProcessEvent;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.util.Locale;
import java.util.Map;

/**
 * Finds the machine behind each process event before any rule keys by it (docs/spec.md, section 9), so that every
 * record of one machine meets in one key: a guest the event names only by host name becomes the VM or scale-set
 * instance the host inventory gives for that computer name. Events Elastic Agent's cloud metadata already names pass
 * as they are. Without an inventory topic the inventory is the one read at start-up; with one, its updates arrive as
 * broadcast state and re-key the events that arrive after them.
 *
 * <p>The one function of the pipeline that changes a record it is given: the routed process events are its alone,
 * read by nothing before it.
 */
public final class HostResolution {
    /** The uid of the resolving operator, the same with and without an inventory topic. */
    static final String UID = "resolve-hosts";

    /**
     * The broadcast state of the streaming job's inventory: entries by lower-cased resource id, and tombstones (an
     * entry without kind) for entries of the start-up inventory the topic deleted.
     */
    static final MapStateDescriptor<String, InventoryEntry> INVENTORY_STATE =
            new MapStateDescriptor<>("host-inventory", Types.STRING, TypeInformation.of(InventoryEntry.class));

    private HostResolution() {}

    /**
     * The resolved process events, and the inventory topic's dead letters.
     *
     * @param deadLetters null without an inventory topic
     */
    record Resolved(DataStream<ProcessEvent> processes, DataStream<DeadLetter> deadLetters) {}

    static Resolved apply(
            DataStream<ProcessEvent> processes, HostInventory initial, DataStream<InventoryUpdate> updates) {
        if (updates == null) {
            return new Resolved(
                    processes.map(new Static(initial)).name("resolve hosts").uid(UID), null);
        }
        SingleOutputStreamOperator<InventoryUpdate> entries = updates.process(
                        new UpdateRouter<>(new InventoryJudge(), EventStream.INVENTORY))
                .name("route inventory")
                .uid("route-inventory")
                .setParallelism(1);
        DataStream<ProcessEvent> resolved = processes
                .connect(entries.broadcast(INVENTORY_STATE))
                .process(new Live(initial))
                .name("resolve hosts")
                .uid(UID);
        return new Resolved(resolved, entries.getSideOutput(InputRouter.DEAD_LETTERS));
    }

    /** Re-keys an event the inventory knows the machine of; the rest keep the key the parser gave them. */
    static ProcessEvent resolve(ProcessEvent event, HostInventory inventory) {
        if (event.hostMatch == HostMatch.HOST_NAME) {
            AzureMachine machine = inventory.resolve(event.hostKey);
            if (machine != null) {
                event.hostKey = machine.key();
                event.cloudInstanceName = machine.name();
                event.resourceId = machine.resourceId();
                event.hostMatch = HostMatch.INVENTORY;
            }
        }
        return event;
    }

    private static final class Static implements MapFunction<ProcessEvent, ProcessEvent> {
        private static final long serialVersionUID = 1L;
        private final HostInventory inventory;

        Static(HostInventory inventory) {
            this.inventory = inventory;
        }

        @Override
        public ProcessEvent map(ProcessEvent event) {
            return resolve(event, inventory);
        }
    }

    /**
     * The start-up inventory with the topic's updates on top, kept in broadcast state. The index is rebuilt from the
     * state after a restore (broadcast state cannot be read in {@code open}), and answers the same whatever order
     * the entries of different resources arrived in.
     */
    private static final class Live extends BroadcastProcessFunction<ProcessEvent, InventoryUpdate, ProcessEvent> {
        private static final long serialVersionUID = 1L;
        private final HostInventory initial;
        private transient HostInventory inventory;

        Live(HostInventory initial) {
            this.initial = initial;
        }

        @Override
        public void processElement(ProcessEvent event, ReadOnlyContext ctx, Collector<ProcessEvent> out)
                throws Exception {
            out.collect(resolve(
                    event, inventory(ctx.getBroadcastState(INVENTORY_STATE).immutableEntries())));
        }

        @Override
        public void processBroadcastElement(InventoryUpdate update, Context ctx, Collector<ProcessEvent> out)
                throws Exception {
            BroadcastState<String, InventoryEntry> state = ctx.getBroadcastState(INVENTORY_STATE);
            HostInventory current = inventory(state.immutableEntries());
            String id = (update.entry != null ? update.entry.id : update.deletedId).toLowerCase(Locale.ROOT);
            if (update.entry != null) {
                state.put(id, update.entry);
                current.put(update.entry);
            } else {
                state.put(id, InventoryEntry.of(update.deletedId, null, null, null));
                current.remove(update.deletedId);
            }
        }

        private HostInventory inventory(Iterable<Map.Entry<String, InventoryEntry>> state) {
            if (inventory == null) {
                inventory = initial.copy();
                for (Map.Entry<String, InventoryEntry> entry : state) {
                    if (entry.getValue().kind == null) {
                        inventory.remove(entry.getValue().id);
                    } else {
                        inventory.put(entry.getValue());
                    }
                }
            }
            return inventory;
        }
    }

    /** The inventory topic's dead letters are those its parser made. */
    private static final class InventoryJudge implements UpdateRouter.Judge<InventoryUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public EventStream stream(InventoryUpdate update) {
            return EventStream.INVENTORY;
        }

        @Override
        public DeadLetter deadLetter(InventoryUpdate update) {
            return update.deadLetter;
        }
    }
}

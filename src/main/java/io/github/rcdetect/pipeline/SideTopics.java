package io.github.rcdetect.pipeline;

import io.github.rcdetect.event.InventoryUpdate;
import io.github.rcdetect.event.TuningUpdate;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The compacted topics a stream changes the job with while it runs: host inventory entries (docs/spec.md, section 9)
 * and exception items and value lists (section 11). Either may be null: that part is what was read at start-up.
 */
public record SideTopics(DataStream<InventoryUpdate> inventory, DataStream<TuningUpdate> tuning) {
    /** A bounded run's: everything is read at start-up. */
    public static SideTopics none() {
        return new SideTopics(null, null);
    }
}

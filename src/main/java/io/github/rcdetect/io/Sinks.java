package io.github.rcdetect.io;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.output.AlertDocument;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where a run's three outputs go: files in a bounded run, Kafka topics when streaming, collectors in tests. The
 * pipeline hands every run mode the same streams, so a new output is wired once, here.
 */
public interface Sinks {
    void alerts(DataStream<AlertDocument> alerts);

    void deadLetters(DataStream<DeadLetter> deadLetters);

    void lateRecords(DataStream<LateRecord> lateRecords);
}

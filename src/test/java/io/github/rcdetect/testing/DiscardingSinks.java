package io.github.rcdetect.testing;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.io.Sinks;
import io.github.rcdetect.output.AlertDocument;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** Sinks that drop everything, for benchmarks: the alerts are still rendered, as in every run mode. */
public final class DiscardingSinks implements Sinks {
    @Override
    public void alerts(DataStream<AlertDocument> alerts) {
        alerts.sinkTo(new DiscardingSink<>());
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters.sinkTo(new DiscardingSink<>());
    }

    @Override
    public void lateRecords(DataStream<LateRecord> lateRecords) {
        lateRecords.sinkTo(new DiscardingSink<>());
    }
}

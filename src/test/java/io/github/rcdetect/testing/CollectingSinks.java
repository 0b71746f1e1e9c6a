package io.github.rcdetect.testing;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.io.Sinks;
import io.github.rcdetect.io.file.OutputLine;
import io.github.rcdetect.output.AlertDocument;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.ArrayList;
import java.util.List;

/** Sinks that collect every output of a MiniCluster job into the test, as the lines a bounded run would write. */
public final class CollectingSinks implements Sinks {
    private final DataStream.Collector<AlertDocument> alerts = new DataStream.Collector<>();
    private final DataStream.Collector<OutputLine> deadLetters = new DataStream.Collector<>();
    private final DataStream.Collector<OutputLine> lateRecords = new DataStream.Collector<>();

    @Override
    public void alerts(DataStream<AlertDocument> documents) {
        documents.collectAsync(alerts);
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> records) {
        records.map(OutputLine::of).collectAsync(deadLetters);
    }

    @Override
    public void lateRecords(DataStream<LateRecord> records) {
        records.map(OutputLine::of).collectAsync(lateRecords);
    }

    /** After the job ran: the alerts as output lines. */
    public List<OutputLine> alertLines() {
        List<OutputLine> lines = new ArrayList<>();
        alerts.getOutput().forEachRemaining(alert -> lines.add(OutputLine.of(alert)));
        return lines;
    }

    public List<OutputLine> deadLetterLines() {
        return drain(deadLetters);
    }

    public List<OutputLine> lateRecordLines() {
        return drain(lateRecords);
    }

    private static List<OutputLine> drain(DataStream.Collector<OutputLine> collector) {
        List<OutputLine> lines = new ArrayList<>();
        collector.getOutput().forEachRemaining(lines::add);
        return lines;
    }
}

package io.github.rcdetect.io.file;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.io.Sinks;
import io.github.rcdetect.output.AlertDocument;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.nio.file.Path;

/**
 * The outputs of a bounded run: NDJSON files, each sorted so that the same input always gives the same bytes, written
 * whole at the end of input. Alerts go to standard output and dead letters to standard error when no file is given;
 * late records always to standard error (exports carry no watermark before their end, so there are none).
 */
public final class FileSinks implements Sinks {
    private final Path alerts;
    private final Path deadLetters;

    /** @param alerts null for standard output; @param deadLetters null for standard error */
    public FileSinks(Path alerts, Path deadLetters) {
        this.alerts = alerts;
        this.deadLetters = deadLetters;
    }

    @Override
    public void alerts(DataStream<AlertDocument> documents) {
        documents
                .map(OutputLine::of, OutputLineSerializer.TYPE)
                .name("alert lines")
                .uid("alert-lines")
                .sinkTo(alerts == null ? NdjsonFileSink.toStandardOutput() : NdjsonFileSink.toFile(alerts))
                .name("alerts file")
                .uid("alerts-file")
                .setParallelism(1);
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> records) {
        records.map(OutputLine::of, OutputLineSerializer.TYPE)
                .name("dead-letter lines")
                .uid("dead-letter-lines")
                .sinkTo(deadLetters == null ? NdjsonFileSink.toStandardError() : NdjsonFileSink.toFile(deadLetters))
                .name("dead-letter file")
                .uid("dead-letter-file")
                .setParallelism(1);
    }

    @Override
    public void lateRecords(DataStream<LateRecord> records) {
        records.map(OutputLine::of, OutputLineSerializer.TYPE)
                .name("late lines")
                .uid("late-lines")
                .sinkTo(NdjsonFileSink.toStandardError())
                .name("late records")
                .uid("late-records")
                .setParallelism(1);
    }
}

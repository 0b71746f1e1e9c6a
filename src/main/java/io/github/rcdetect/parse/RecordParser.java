package io.github.rcdetect.parse;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Origin;

import java.util.function.Consumer;

/**
 * Turns one input document (a Kafka message or an NDJSON line) into events of its stream, or dead letters. Never
 * throws for bad input: every byte sequence yields events, dead letters, or both (one per record of a batch).
 */
public interface RecordParser {

    void parse(byte[] bytes, int offset, int length, Origin origin, Consumer<InputRecord> out);

    /**
     * The dead letter of a record over the size limit, of which the reader kept only the first {@code keptLength}
     * bytes; {@code fullLength} is its real size.
     */
    void rejectOversized(byte[] kept, int keptLength, long fullLength, Origin origin, Consumer<InputRecord> out);

    /** Largest record {@link #parse} accepts; readers need not keep more of one. */
    int maxRecordBytes();

    /** The parser for a stream's record shapes, giving every valid record as its event. */
    static RecordParser forStream(EventStream stream, ParserLimits limits) {
        return stream == EventStream.ACTIVITY
                ? new ActivityRecordParser(limits, false)
                : new ProcessRecordParser(limits, false);
    }

    /**
     * The parser the detection reads a stream with: the same events and dead letters as {@link #forStream}, except that
     * a valid record no rule can use ({@code rules.Candidates}) comes out as {@link InputRecord#unused}, and most of
     * its fields are only checked, never turned into text. Nearly every record is such noise.
     */
    static RecordParser forDetection(EventStream stream, ParserLimits limits) {
        return stream == EventStream.ACTIVITY
                ? new ActivityRecordParser(limits, true)
                : new ProcessRecordParser(limits, true);
    }
}

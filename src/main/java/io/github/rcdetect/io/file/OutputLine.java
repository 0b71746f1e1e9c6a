package io.github.rcdetect.io.file;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.output.AlertDocument;
import io.github.rcdetect.output.OutputDocuments;

/** One NDJSON output line with the key a bounded run's output file is sorted by. */
public class OutputLine {
    public String sortKey;
    public String json;

    public OutputLine() {}

    OutputLine(String sortKey, String json) {
        this.sortKey = sortKey;
        this.json = json;
    }

    /** Alerts sort by time, rule, host and id. */
    public static OutputLine of(AlertDocument alert) {
        return new OutputLine(
                String.format("%020d|%s|%s|%s", alert.timestamp, alert.ruleId, alert.hostName, alert.eventId),
                alert.json);
    }

    /** Dead letters sort by where they came from. */
    public static OutputLine of(DeadLetter deadLetter) {
        return new OutputLine(originKey(deadLetter.origin), OutputDocuments.deadLetter(deadLetter));
    }

    /** Late records sort by stream, time and origin. */
    public static OutputLine of(LateRecord late) {
        long timestamp = late.activity != null ? late.activity.timestamp : late.process.timestamp;
        Origin origin = late.activity != null ? late.activity.origin : late.process.origin;
        return new OutputLine(
                String.format("%020d|%s", timestamp, originKey(origin)), OutputDocuments.lateRecord(late));
    }

    private static String originKey(Origin origin) {
        return String.format(
                "%s|%s|%020d|%s|%010d|%020d|%010d",
                origin.stream.id(),
                origin.file,
                origin.line == null ? 0 : origin.line,
                origin.topic,
                origin.partition == null ? 0 : origin.partition,
                origin.offset == null ? 0 : origin.offset,
                origin.recordIndex == null ? -1 : origin.recordIndex);
    }
}

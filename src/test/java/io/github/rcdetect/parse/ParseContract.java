package io.github.rcdetect.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.domain.Candidates;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.output.AlertDocuments;
import io.github.rcdetect.output.Json;
import io.github.rcdetect.output.OutputDocuments;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.registry.Rules;
import io.github.rcdetect.testing.OutputLines;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parser's contract for any byte sequence, as the fuzz targets and their example tests check it: it returns (never
 * throws), yields at least one record, and each record is a usable event or a dead letter of a known type that keeps
 * the bytes it came from; everything it yields can be written as one ASCII JSON line.
 */
final class ParseContract {
    private static final AlertDocuments ALERTS = new AlertDocuments(Rules.metadata());

    private static final ParserLimits LIMITS = ParserLimits.defaults();
    private static final RecordParser ACTIVITY = RecordParser.forStream(EventStream.ACTIVITY, LIMITS);
    private static final RecordParser PROCESS = RecordParser.forStream(EventStream.PROCESS, LIMITS);
    private static final RecordParser ACTIVITY_DETECTION = RecordParser.forDetection(EventStream.ACTIVITY, LIMITS);
    private static final RecordParser PROCESS_DETECTION = RecordParser.forDetection(EventStream.PROCESS, LIMITS);
    /**
     * What surrounds a record in the buffer the detection's parser reads it from, so that reading past either end
     * would change the result: a string and an object left open before it, their ends and another record after it.
     */
    private static final byte[] BEFORE = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] AFTER =
            "\"]}}\",\"@timestamp\":\"2026-01-01T00:00:00Z\"}\n{".getBytes(StandardCharsets.US_ASCII);

    private ParseContract() {}

    /** Parses {@code input} as one record of {@code stream} and checks every output; returns them. */
    static List<InputRecord> check(EventStream stream, byte[] input) {
        Origin origin = Origin.ofKafka(stream, "fuzz", 0, 1);
        List<InputRecord> records = new ArrayList<>();
        (stream == EventStream.ACTIVITY ? ACTIVITY : PROCESS).parse(input, 0, input.length, origin, records::add);
        long after = System.currentTimeMillis();
        checkDetectionAgrees(stream, input, origin, records);
        if (records.isEmpty()) {
            throw new AssertionError("no output for " + describe(input));
        }
        for (InputRecord record : records) {
            int set = (record.activity != null ? 1 : 0)
                    + (record.process != null ? 1 : 0)
                    + (record.deadLetter != null ? 1 : 0);
            if (set != 1) {
                throw new AssertionError(set + " of activity/process/dead letter set for " + describe(input));
            }
            if (record.deadLetter != null) {
                checkDeadLetter(record.deadLetter, stream, origin, input);
            } else if (stream == EventStream.ACTIVITY) {
                if (record.activity == null) {
                    throw new AssertionError("a process event from the activity parser: " + describe(input));
                }
                checkTimestamp(record.activity.timestamp, after, input);
                checkOrigin(record.activity.origin, origin, input);
                for (Rule rule : Rules.ALL) {
                    rule.readsActivity(record.activity);
                }
                OutputLines.parseOneAsciiLine(OutputDocuments.lateRecord(LateRecord.of(record.activity)));
            } else {
                if (record.process == null) {
                    throw new AssertionError("an activity event from the process parser: " + describe(input));
                }
                checkTimestamp(record.process.timestamp, after, input);
                checkOrigin(record.process.origin, origin, input);
                for (Rule rule : Rules.ALL) {
                    rule.readsProcess(record.process);
                }
                Detection detection = Detection.ofProcess("R2", "id", record.process.hostKey, record.process);
                JsonNode alert = OutputLines.parseOneAsciiLine(ALERTS.map(detection).json);
                if (record.process.commandLine != null
                        && !record.process.commandLine.equals(
                                alert.at("/process/command_line").asText())) {
                    throw new AssertionError("the alert changed the command line of " + describe(input));
                }
                OutputLines.parseOneAsciiLine(OutputDocuments.lateRecord(LateRecord.of(record.process)));
            }
        }
        return records;
    }

    /**
     * The detection's parser, reading {@code input} from inside a larger buffer, gives what the full parser gave
     * ({@code full}): the same dead letters, the same event for every record a rule may use, and for every other
     * valid record its time alone.
     */
    static void checkDetectionAgrees(EventStream stream, byte[] input, Origin origin, List<InputRecord> full) {
        byte[] buffer = new byte[BEFORE.length + input.length + AFTER.length];
        System.arraycopy(BEFORE, 0, buffer, 0, BEFORE.length);
        System.arraycopy(input, 0, buffer, BEFORE.length, input.length);
        System.arraycopy(AFTER, 0, buffer, BEFORE.length + input.length, AFTER.length);
        List<InputRecord> lazy = new ArrayList<>();
        (stream == EventStream.ACTIVITY ? ACTIVITY_DETECTION : PROCESS_DETECTION)
                .parse(buffer, BEFORE.length, input.length, origin, lazy::add);
        if (lazy.size() != full.size()) {
            throw new AssertionError(lazy.size() + " records from the detection's parser, " + full.size()
                    + " in full, for " + describe(input));
        }
        for (int i = 0; i < full.size(); i++) {
            InputRecord expected = full.get(i);
            InputRecord actual = lazy.get(i);
            boolean unused = expected.deadLetter == null
                    && (expected.activity != null
                            ? !Candidates.mayBeRunCommandRecord(expected.activity.action)
                            : !Candidates.mayBeScriptChild(expected.process.parentName));
            boolean agrees = unused
                    ? actual.activity == null
                            && actual.process == null
                            && actual.deadLetter == null
                            && actual.eventTime() == expected.eventTime()
                    : tree(actual).equals(tree(expected));
            if (!agrees) {
                throw new AssertionError("record " + i + " from the detection's parser is " + tree(actual)
                        + ", in full " + tree(expected) + ", for " + describe(input));
            }
        }
    }

    private static JsonNode tree(InputRecord record) {
        return Json.MAPPER.valueToTree(record);
    }

    private static void checkTimestamp(long timestamp, long now, byte[] input) {
        if (timestamp < 0 || timestamp > now + LIMITS.maxFutureSkewMillis()) {
            throw new AssertionError("event time " + timestamp + " out of range for " + describe(input));
        }
    }

    private static void checkOrigin(Origin actual, Origin message, byte[] input) {
        if (actual == null
                || !(actual.equals(message)
                        || actual.recordIndex != null && actual.equals(message.withRecordIndex(actual.recordIndex)))) {
            throw new AssertionError("origin " + actual + " is not the message's for " + describe(input));
        }
    }

    private static void checkDeadLetter(DeadLetter deadLetter, EventStream stream, Origin origin, byte[] input) {
        if (deadLetter.errorType == null) {
            throw new AssertionError("unknown error type " + deadLetter.errorType + " for " + describe(input));
        }
        if (deadLetter.errorMessage == null || deadLetter.origin == null || deadLetter.origin.stream != stream) {
            throw new AssertionError("dead letter without message or origin for " + describe(input));
        }
        if (deadLetter.errorMessage.startsWith(JsonRecordParser.PARSER_FAILURE)) {
            // The job survives it, but it is a bug: an exception escaped the parser's own handling.
            throw new AssertionError(deadLetter.errorMessage + " for " + describe(input));
        }
        checkOrigin(deadLetter.origin, origin, input);
        byte[] original = deadLetter.original;
        if (original == null
                || original.length > LIMITS.maxDeadLetterBytes()
                || deadLetter.originalLength < original.length
                || deadLetter.originalLength > input.length) {
            throw new AssertionError("dead-letter original of the wrong size for " + describe(input));
        }
        if (deadLetter.origin.recordIndex == null) {
            // The whole message failed: the original is the message, or its start when truncated.
            if (deadLetter.originalLength != input.length
                    || !Arrays.equals(original, Arrays.copyOf(input, original.length))) {
                throw new AssertionError("dead-letter original is not a prefix of " + describe(input));
            }
        } else if (indexOf(input, original) < 0) {
            // One record of a batch failed: the original is (the start of) that record, a slice of the message.
            throw new AssertionError("dead-letter original is no slice of " + describe(input));
        }
        JsonNode document = OutputLines.parseOneAsciiLine(OutputDocuments.deadLetter(deadLetter));
        if (!deadLetter.errorType.id().equals(document.at("/error/type").asText())
                || !Arrays.equals(original, OutputLines.originalBytes(document))
                || document.at("/original_bytes").asLong() != deadLetter.originalLength) {
            throw new AssertionError("dead-letter document does not carry the dead letter of " + describe(input));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String describe(byte[] input) {
        return input.length + " bytes " + OutputLines.clip(new String(input, StandardCharsets.ISO_8859_1));
    }
}

package io.github.rcdetect.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rcdetect.event.EventStream;

import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of both record parsers on raw bytes. A plain test run replays the committed inputs under
 * {@code RecordParserFuzzTestInputs/<method>/}; {@code bin/fuzz} fuzzes. The {@code @Timeout} is the per-input
 * limit: a hang fails the input, in replay and in fuzzing alike.
 *
 * <p>Inputs: every record of the shared samples and of testdata/, one per file as one line ({@code sample-*},
 * {@code testdata-*-line-N}, an Event Hub message also split into its records), and every finding under the name
 * Jazzer gave it ({@code crash-*}, {@code timeout-*}), each with an example test that says what it was.
 */
class RecordParserFuzzTest {

    @FuzzTest
    @Timeout(5)
    void activityRecords(byte[] input) {
        ParseContract.check(EventStream.ACTIVITY, input);
    }

    @FuzzTest
    @Timeout(5)
    void processRecords(byte[] input) {
        ParseContract.check(EventStream.PROCESS, input);
    }
}

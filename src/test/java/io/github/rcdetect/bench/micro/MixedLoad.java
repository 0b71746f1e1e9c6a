package io.github.rcdetect.bench.micro;

import io.github.rcdetect.bench.LoadGenerator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** A thousand generated lines of each stream, as bytes: the mix {@code bin/bench} runs, 1 % script children. */
final class MixedLoad {
    static final int LINES = 1000;

    final byte[][] activity;
    final byte[][] process;

    MixedLoad(double matchFraction) {
        LoadGenerator.Settings settings = new LoadGenerator.Settings(
                7, 1_000, 50 * LINES, matchFraction, 5, 0.02, 3600, 5, Instant.parse("2026-03-10T00:00:00Z"));
        LoadGenerator.Plan plan = new LoadGenerator(settings).plan();
        this.activity = bytes(plan.activity(), plan::activityJson);
        this.process = bytes(plan.process(), plan::processJson);
    }

    private static byte[][] bytes(List<LoadGenerator.Line> lines, Function<LoadGenerator.Line, String> json) {
        byte[][] bytes = new byte[LINES][];
        for (int i = 0; i < LINES; i++) {
            // Spread over the whole hour, so the sample holds invocations and their children too.
            bytes[i] = json.apply(lines.get(i * (lines.size() / LINES))).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}

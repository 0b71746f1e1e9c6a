package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

/** The fast path of ISO-8601 parsing agrees with the formatter it stands in for, on every text. */
class TimestampsTest {
    private static final FieldPath FIELD = ProcessRecordParser.Field.TIMESTAMP;
    private static final String MUTATIONS = "0123456789-:.TtZz+ x";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-10T10:15:00.1234567Z",
                "2026-03-10T10:15:00.123456789Z",
                "2026-03-10T10:15:00Z",
                "2026-03-10t10:15:00.5z",
                "2026-03-10T10:15:00.12+01:00",
                "2026-03-10T10:15:00-0530",
                "2026-03-10T10:15:00",
                "2024-02-29T23:59:59.999Z",
                "1970-01-01T00:00:00Z",
                "1970-01-01T01:00:00+01:00",
            })
    void commonShapesTakeTheFastPathWithTheFormattersResult(String text) throws Exception {
        long fast = Timestamps.parseCommonIso(text);

        assertThat(fast).isNotNegative().isEqualTo(Timestamps.parseWithFormatter(FIELD, text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-29T00:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-03-10T24:00:00Z",
                "2026-03-10T10:15:60Z",
                "2026-03-10T10:15:00.1234567890Z",
                "2026-03-10T10:15:00.Z",
                "2026-03-10T10:15:00+19:00",
                "2026-03-10T10:15:00+05:60",
                "2026-03-10T10:15:00ZZ",
                " 2026-03-10T10:15:00Z",
                "2026-03-10T10:15Z",
                "1969-12-31T23:59:59Z",
                "1970-01-01T00:30:00+01:00",
                "+12026-03-10T10:15:00Z",
            })
    void unusualOrInvalidShapesAreLeftToTheFormatter(String text) {
        assertThat(Timestamps.parseCommonIso(text)).isEqualTo(-1);
    }

    @Test
    void agreesWithTheFormatterOnRandomAndMutatedTexts() {
        SplittableRandom random = new SplittableRandom(20261201);
        int fastPathHits = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = mutate(random, randomDateTime(random));
            long fast = Timestamps.parseCommonIso(text);
            Long expected = formatterResult(text);
            if (fast >= 0) {
                fastPathHits++;
                assertThat(fast).as(text).isEqualTo(expected);
            } else if (expected != null) {
                // Left to the formatter: only shapes the fast path does not claim.
                assertThat(text).as("a common shape the fast path missed").doesNotMatch(COMMON_SHAPE);
            }
        }
        assertThat(fastPathHits).isGreaterThan(50_000);
    }

    /** What the fast path claims: four-digit year, seconds, 1-9 fraction digits, Z or a ±HH[:]MM offset. */
    private static final String COMMON_SHAPE =
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:?\\d{2})?";

    private static Long formatterResult(String text) {
        try {
            return Timestamps.parseWithFormatter(FIELD, text);
        } catch (InvalidRecordException e) {
            return null;
        }
    }

    private static String randomDateTime(SplittableRandom random) {
        StringBuilder text = new StringBuilder(String.format(
                "%04d-%02d-%02d%c%02d:%02d:%02d",
                1965 + random.nextInt(140),
                1 + random.nextInt(12),
                1 + random.nextInt(random.nextInt(10) == 0 ? 32 : 28),
                random.nextInt(10) == 0 ? 't' : 'T',
                random.nextInt(random.nextInt(20) == 0 ? 26 : 24),
                random.nextInt(60),
                random.nextInt(random.nextInt(20) == 0 ? 61 : 60)));
        int fraction = random.nextInt(12);
        if (fraction > 0) {
            text.append('.');
            for (int i = 1; i < fraction; i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        switch (random.nextInt(6)) {
            case 0 -> text.append('Z');
            case 1 -> text.append('z');
            case 2 ->
                text.append(String.format(
                        "%c%02d:%02d", random.nextBoolean() ? '+' : '-', random.nextInt(20), random.nextInt(61)));
            case 3 ->
                text.append(String.format(
                        "%c%02d%02d", random.nextBoolean() ? '+' : '-', random.nextInt(20), random.nextInt(61)));
            case 4 -> text.append(String.format("+%02d:%02d", random.nextInt(15), random.nextInt(4) * 15));
            default -> {}
        }
        return text.toString();
    }

    /** Half the texts unchanged, the others with a character replaced, inserted or removed, or cut short. */
    private static String mutate(SplittableRandom random, String text) {
        if (random.nextBoolean()) {
            return text;
        }
        StringBuilder mutated = new StringBuilder(text);
        int position = random.nextInt(text.length());
        char replacement = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
        switch (random.nextInt(4)) {
            case 0 -> mutated.setCharAt(position, replacement);
            case 1 -> mutated.insert(position, replacement);
            case 2 -> mutated.deleteCharAt(position);
            default -> mutated.setLength(position);
        }
        return mutated.toString();
    }
}

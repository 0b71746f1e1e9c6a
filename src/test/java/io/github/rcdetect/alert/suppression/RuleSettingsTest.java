package io.github.rcdetect.alert.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

class RuleSettingsTest {
    private static final Set<String> RULES = new java.util.LinkedHashSet<>(List.of("R1", "R2", "R3", "R4"));

    @TempDir
    Path dir;

    private RuleSettings read(String json) throws IOException {
        return RuleSettings.read(Files.writeString(dir.resolve("settings.json"), json), RULES);
    }

    @Test
    void theSpecsExampleReads() throws IOException {
        RuleSettings settings =
                read("{\"R2\": {\"alert_suppression\": {\"group_by\": [\"host.name\", \"process.parent.pid\"],"
                        + " \"duration\": {\"value\": 5, \"unit\": \"m\"}, \"missing_fields_strategy\": \"suppress\"}},"
                        + " \"R4\": {\"enabled\": false}}");
        assertThat(settings.disabled()).containsExactly("R4");
        assertThat(settings.enabled("R2")).isTrue();
        assertThat(settings.suppression())
                .containsOnlyKeys("R2")
                .containsEntry(
                        "R2", new SuppressionSettings(List.of("host.name", "process.parent.pid"), 300_000, true));
        assertThat(read("{\"R1\":{\"alert_suppression\":{\"group_by\":[\"user.email\"],\"duration\":{\"value\":2,"
                                + "\"unit\":\"h\"},\"missing_fields_strategy\":\"doNotSuppress\"}}}")
                        .suppression()
                        .get("R1"))
                .isEqualTo(new SuppressionSettings(List.of("user.email"), 7_200_000, false));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"R9\":{}} | no rule R9 (the rules are R1, R2, R3, R4)",
                "{\"R2\":{\"enabeld\":false}} | R2: unknown setting enabeld (known: alert_suppression, enabled)",
                "{\"R2\":{\"enabled\":\"no\"}} | R2: enabled must be true or false",
                "{\"R2\":{\"alert_suppression\":{\"group_by\":[],\"duration\":{\"value\":1,\"unit\":\"m\"}}}}"
                        + " | R2: alert_suppression.group_by: 1 to 3 field names",
                "{\"R2\":{\"alert_suppression\":{\"group_by\":[\"a\",\"b\",\"c\",\"d\"],\"duration\":{\"value\":1,"
                        + "\"unit\":\"m\"}}}} | R2: alert_suppression.group_by: 1 to 3 field names",
                "{\"R2\":{\"alert_suppression\":{\"group_by\":[\"a\"]}}}"
                        + " | R2: alert_suppression.duration is required: {\"value\": N, \"unit\": \"s\", \"m\" or \"h\"}",
                "{\"R2\":{\"alert_suppression\":{\"group_by\":[\"a\"],\"duration\":{\"value\":0,\"unit\":\"m\"}}}}"
                        + " | R2: alert_suppression.duration.value: a whole number of at least 1",
                "{\"R2\":{\"alert_suppression\":{\"group_by\":[\"a\"],\"duration\":{\"value\":1,\"unit\":\"d\"}}}}"
                        + " | R2: alert_suppression.duration.unit: s, m or h",
                "{\"R2\":{\"alert_suppression\":{\"group_by\":[\"a\"],\"duration\":{\"value\":1,\"unit\":\"m\"},"
                        + "\"missing_fields_strategy\":\"drop\"}}} | R2: alert_suppression.missing_fields_strategy: suppress"
                        + " or doNotSuppress",
                "[1] | not a JSON object keyed by rule id",
            })
    void aFileItCannotUseIsRefusedSayingWhatIsWrong(String json, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), json);
        assertThatThrownBy(() -> RuleSettings.read(file, RULES)).hasMessage(file + ": " + message);
    }

    @Test
    void notJsonNamesTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n\"R2\": {\n");
        assertThatThrownBy(() -> RuleSettings.read(file, RULES)).hasMessageStartingWith(file + ": line ");
    }
}

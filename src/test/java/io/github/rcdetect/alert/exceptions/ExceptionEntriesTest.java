package io.github.rcdetect.alert.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rcdetect.alert.fields.AlertFields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every entry type and both operators against Elastic's documented semantics (docs/spec.md, section 11): a
 * multi-valued field holds when any value does; {@code excluded} is a {@code must_not}, so a missing field satisfies
 * it; values and wildcards are case-sensitive.
 */
class ExceptionEntriesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALERT = "{\"@timestamp\":\"2026-03-10T09:15:02.123Z\",\"rule\":{\"id\":\"R1\"},"
            + "\"host\":{\"name\":\"win-web-01\"},\"source\":{\"ip\":\"198.51.100.14\"},\"process\":{\"pid\":4242,"
            + "\"command_line\":[\"whoami /all\",\"net user /domain\"]},\"azure_runcommand\":{\"source_events\":["
            + "{\"stream\":\"activity\",\"file\":\"a.ndjson\"},{\"stream\":\"process\",\"event_id\":\"e1\"}]}}";
    private static final long AT = Instant.parse("2026-03-10T09:15:02.123Z").toEpochMilli();

    private final ExceptionExports exports = new ExceptionExports(new ValueLists(Map.of(
            "hosts.txt",
            Set.of("win-web-01", "lnx-db-02"),
            "ranges.txt",
            Set.of("198.51.100.0/24", "10.0.0.1-10.0.0.9"))));

    private boolean drops(String entries) throws Exception {
        return drops(entries, "");
    }

    private boolean drops(String entries, String more) throws Exception {
        ExceptionItem item = exports.item(MAPPER.readTree(
                "{\"item_id\":\"i\",\"list_id\":\"l\",\"type\":\"simple\",\"entries\":[" + entries + "]" + more + "}"));
        return new Exceptions(List.of(item)).dropping(new AlertFields(MAPPER.readTree(ALERT)), AT) != null;
    }

    private static String entry(String field, String operator, String type, String value) {
        return "{\"field\":\"" + field + "\",\"operator\":\"" + operator + "\",\"type\":\"" + type + "\""
                + (value == null ? "" : ",\"value\":" + value) + "}";
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "host.name | included | match | '\"win-web-01\"' | true",
                "host.name | included | match | '\"WIN-WEB-01\"' | false",
                "host.name | excluded | match | '\"win-web-01\"' | false",
                "host.name | excluded | match | '\"other\"' | true",
                // A missing field satisfies excluded, never included.
                "user.email | included | match | '\"a@b\"' | false",
                "user.email | excluded | match | '\"a@b\"' | true",
                // Any value of a multi-valued field; excluded means none of them.
                "process.command_line | included | match | '\"net user /domain\"' | true",
                "process.command_line | excluded | match | '\"net user /domain\"' | false",
                "process.command_line | excluded | match | '\"ipconfig\"' | true",
                // Numbers compare as their text.
                "process.pid | included | match | '\"4242\"' | true",
                "host.name | included | match_any | '[\"x\",\"win-web-01\"]' | true",
                "host.name | excluded | match_any | '[\"x\",\"win-web-01\"]' | false",
                "host.name | excluded | match_any | '[\"x\",\"y\"]' | true",
                "user.email | excluded | match_any | '[\"x\"]' | true",
                "host.name | included | wildcard | '\"win-*\"' | true",
                "host.name | included | wildcard | '\"win-web-0?\"' | true",
                "host.name | included | wildcard | '\"win-web-?\"' | false",
                "host.name | included | wildcard | '\"WIN-*\"' | false",
                "host.name | excluded | wildcard | '\"lnx-*\"' | true",
                "process.command_line | included | wildcard | '\"*/domain\"' | true",
                "process.command_line | excluded | wildcard | '\"*user*\"' | false",
                "host.name | included | exists | | true",
                "host.name | excluded | exists | | false",
                "user.email | included | exists | | false",
                "user.email | excluded | exists | | true",
            })
    void entriesHoldAsElasticDefinesThem(String field, String operator, String type, String value, boolean drops)
            throws Exception {
        assertThat(drops(entry(field, operator, type, value))).isEqualTo(drops);
    }

    @Test
    void wildcardsEscapeAndNeverBlowUp() {
        assertThat(new Wildcard("C:\\\\Windows\\\\*.exe").test("C:\\Windows\\cmd.exe"))
                .isTrue();
        assertThat(new Wildcard("a\\*b").test("a*b")).isTrue();
        assertThat(new Wildcard("a\\*b").test("axb")).isFalse();
        assertThat(new Wildcard("a\\?").test("a?")).isTrue();
        assertThat(new Wildcard("*").test("")).isTrue();
        assertThat(new Wildcard("**a**b**").test("xxaxxbxx")).isTrue();
        assertThat(new Wildcard("*a*a*a*a*a*a*a*b").test("a".repeat(10_000))).isFalse();
    }

    @Test
    void valueListsOfKeywordsAndIpRanges() throws Exception {
        String inList = "{\"field\":\"host.name\",\"operator\":\"%s\",\"type\":\"list\",\"list\":{\"id\":\"hosts.txt\","
                + "\"type\":\"keyword\"}}";
        assertThat(drops(String.format(inList, "included"))).isTrue();
        assertThat(drops(String.format(inList, "excluded"))).isFalse();
        String inRange = "{\"field\":\"source.ip\",\"operator\":\"included\",\"type\":\"list\",\"list\":{\"id\":"
                + "\"ranges.txt\",\"type\":\"ip_range\"}}";
        assertThat(drops(inRange)).isTrue();
        assertThat(IpRanges.of(Set.of("10.0.0.1-10.0.0.9")).test("10.0.0.9")).isTrue();
        assertThat(IpRanges.of(Set.of("10.0.0.1-10.0.0.9")).test("10.0.0.10")).isFalse();
        assertThat(IpRanges.of(Set.of("10.0.0.0/8")).test("10.255.0.1")).isTrue();
        assertThat(IpRanges.of(Set.of("0.0.0.0/0")).test("203.0.113.1")).isTrue();
        assertThat(IpRanges.of(Set.of("10.0.0.0/8")).test("not an ip")).isFalse();
    }

    @Test
    void nestedEntriesHoldWithinOneObject() throws Exception {
        String nested = "{\"field\":\"azure_runcommand.source_events\",\"type\":\"nested\",\"entries\":[%s,%s]}";
        assertThat(drops(String.format(
                        nested,
                        entry("stream", "included", "match", "\"activity\""),
                        entry("file", "included", "exists", null))))
                .isTrue();
        // Both hold, but in different objects: no.
        assertThat(drops(String.format(
                        nested,
                        entry("stream", "included", "match", "\"activity\""),
                        entry("event_id", "included", "exists", null))))
                .isFalse();
        assertThat(drops(String.format(
                        nested,
                        entry("stream", "included", "match", "\"process\""),
                        entry("file", "excluded", "exists", null))))
                .isTrue();
    }

    @Test
    void allEntriesOfAnItemMustHoldAndAnEntryOnRuleIdConfinesIt() throws Exception {
        assertThat(drops(entry("rule.id", "included", "match", "\"R1\"") + ","
                        + entry("host.name", "included", "match", "\"win-web-01\"")))
                .isTrue();
        assertThat(drops(entry("rule.id", "included", "match", "\"R2\"") + ","
                        + entry("host.name", "included", "match", "\"win-web-01\"")))
                .isFalse();
    }

    @Test
    void anItemExpiredBeforeTheAlertsTimeNoLongerApplies() throws Exception {
        String hostMatch = entry("host.name", "included", "match", "\"win-web-01\"");
        assertThat(drops(hostMatch, ",\"expire_time\":\"2026-03-10T09:15:02.122Z\""))
                .isFalse();
        assertThat(drops(hostMatch, ",\"expire_time\":\"2026-03-10T09:15:02.123Z\""))
                .isTrue();
        assertThat(drops(hostMatch, ",\"expire_time\":\"2026-03-11T00:00:00+01:00\""))
                .isTrue();
    }

    @Test
    void osTypesConfineAnItemToAlertsOfThoseSystems() throws Exception {
        String hostMatch = entry("host.name", "included", "match", "\"win-web-01\"");
        assertThat(drops(hostMatch, ",\"os_types\":[\"windows\"]"))
                .as("the alert carries no host.os.type")
                .isFalse();
        assertThat(drops(hostMatch, ",\"os_types\":[]")).isTrue();
    }
}

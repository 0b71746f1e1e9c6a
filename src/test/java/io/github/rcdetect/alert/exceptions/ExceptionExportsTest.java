package io.github.rcdetect.alert.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading Kibana's export format, and refusing what is not one with the file, the line and what is wrong. */
class ExceptionExportsTest {
    private static final String LIST =
            "{\"id\":\"x\",\"list_id\":\"tuning\",\"name\":\"Tuning\",\"type\":\"detection\","
                    + "\"namespace_type\":\"single\",\"immutable\":false,\"version\":1}";
    private static final String SUMMARY =
            "{\"exported_exception_list_count\":1,\"exported_exception_list_item_count\":1,"
                    + "\"missing_exception_list_item_count\":0,\"missing_exception_list_items\":[],\"missing_exception_lists\":[],"
                    + "\"missing_exception_lists_count\":0}";

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("export.ndjson"), String.join("\n", lines) + "\n");
    }

    private static String item(String entries) {
        return "{\"item_id\":\"i1\",\"list_id\":\"tuning\",\"type\":\"simple\",\"name\":\"n\",\"entries\":[" + entries
                + "]}";
    }

    @Test
    void anExportGivesItsItems() throws IOException {
        Path export = file(
                LIST,
                item("{\"field\":\"host.name\",\"operator\":\"included\",\"type\":\"match\",\"value\":\"h\"}"),
                SUMMARY);
        Exceptions exceptions = new ExceptionExports(ValueLists.none()).read(List.of(export));
        assertThat(exceptions.items()).hasSize(1);
        assertThat(exceptions.items().get(0).itemId()).isEqualTo("i1");
        assertThat(exceptions.items().get(0).listId()).isEqualTo("tuning");
    }

    @Test
    void whatIsNotAnExportIsRefusedNamingFileLineAndFault() throws IOException {
        assertRefused("not json", "line 2: not JSON");
        assertRefused("{\"name\":\"x\"}", "line 2: neither an exception list, an item nor an export summary");
        assertRefused(item(""), "line 2: item i1: entries must be a non-empty array");
        assertRefused(
                item("{\"field\":\"f\",\"operator\":\"is\",\"type\":\"match\",\"value\":\"v\"}"),
                "line 2: item i1: operator of f must be included or excluded");
        assertRefused(
                item("{\"field\":\"f\",\"operator\":\"included\",\"type\":\"regex\",\"value\":\"v\"}"),
                "line 2: item i1: unknown entry type regex");
        assertRefused(
                item(
                        "{\"field\":\"f\",\"operator\":\"included\",\"type\":\"list\",\"list\":{\"id\":\"ips\",\"type\":\"ip\"}}"),
                "line 2: item i1: value list ips is not given (--value-list ips=PATH)");
        assertRefused(
                item("{\"field\":\"p\",\"type\":\"nested\",\"entries\":[{\"field\":\"f\",\"operator\":\"included\","
                        + "\"type\":\"wildcard\",\"value\":\"v\"}]}"),
                "line 2: item i1: a nested entry may only hold match, match_any and exists, not wildcard");
        assertRefused(
                "{\"item_id\":\"i1\",\"entries\":[{\"field\":\"f\",\"operator\":\"included\",\"type\":\"exists\"}],"
                        + "\"expire_time\":\"tomorrow\"}",
                "line 2: item i1: expire_time is not an ISO-8601 date-time");
    }

    private void assertRefused(String line, String message) throws IOException {
        Path export = file(LIST, line, SUMMARY);
        assertThatThrownBy(() -> new ExceptionExports(ValueLists.none()).read(List.of(export)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(export + ": " + message);
    }

    @Test
    void valueListsAreOneValueALineAndNamedOnce() throws IOException {
        Path list = Files.writeString(dir.resolve("hosts.txt"), " lnx-build-05 \n\nlnx-build-06\n");
        assertThat(ValueLists.read(List.of("hosts=" + list)).get("hosts"))
                .containsExactlyInAnyOrder("lnx-build-05", "lnx-build-06");
        assertThatThrownBy(() -> ValueLists.read(List.of("hosts"))).hasMessage("'hosts' is not ID=PATH");
        assertThatThrownBy(() -> ValueLists.read(List.of("a=" + list, "a=" + list)))
                .hasMessage("value list 'a' is given twice");
        assertThatThrownBy(() -> ValueLists.read(List.of("a=" + dir.resolve("missing.txt"))))
                .hasMessage(dir.resolve("missing.txt") + ": cannot read (NoSuchFileException)");
    }
}

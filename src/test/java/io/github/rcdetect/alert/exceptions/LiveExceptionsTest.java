package io.github.rcdetect.alert.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.alert.suppression.RuleSettings;
import io.github.rcdetect.detection.Detection;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.event.TuningUpdate;
import io.github.rcdetect.rules.registry.Rules;
import io.github.rcdetect.testing.Processes;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Exceptions changed while the job runs (docs/spec.md, section 11), on Flink's broadcast harness: an item or a list
 * applies to every detection after it, a tombstone takes it back, the order of different keys does not matter, the
 * state survives a restore, and a message that is no item or list is refused with why.
 */
class LiveExceptionsTest {
    private static final long T0 = 1_773_136_800_000L;
    private static final Origin ORIGIN = Origin.ofKafka(EventStream.EXCEPTIONS, "exceptions", 0, 7);

    private final List<BroadcastOperatorTestHarness<Detection, TuningUpdate, Detection>> harnesses = new ArrayList<>();
    private int sent;

    /** A harness of one subtask, from {@code restored} state if given. */
    private BroadcastOperatorTestHarness<Detection, TuningUpdate, Detection> open(OperatorSubtaskState restored)
            throws Exception {
        BroadcastOperatorTestHarness<Detection, TuningUpdate, Detection> harness = new BroadcastOperatorTestHarness<>(
                new CoBroadcastWithNonKeyedOperator<>(
                        new LiveExceptions(RuleSettings.none(), Rules.metadata()),
                        List.of(LiveExceptions.ITEMS, LiveExceptions.LISTS)),
                1,
                1,
                0);
        harnesses.add(harness);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        for (BroadcastOperatorTestHarness<?, ?, ?> harness : harnesses) {
            harness.close();
        }
    }

    /** An R2 detection on {@code host}; true when it passes. */
    private boolean passes(BroadcastOperatorTestHarness<Detection, TuningUpdate, Detection> harness, String host)
            throws Exception {
        ProcessEvent process =
                Processes.windows("powershell.exe", "powershell -ExecutionPolicy Unrestricted -File script0.ps1");
        process.hostName = host;
        process.timestamp = T0;
        String id = "d" + sent++;
        int before = harness.extractOutputValues().size();
        harness.processElement(new StreamRecord<>(Detection.ofProcess("R2", id, host, process), T0));
        List<Detection> output = harness.extractOutputValues();
        return output.size() > before && output.get(output.size() - 1).eventId.equals(id);
    }

    private static TuningUpdate item(String id, String entry) {
        return TuningUpdate.of(
                EventStream.EXCEPTIONS,
                id,
                "{\"item_id\":\"" + id + "\",\"list_id\":\"l\",\"type\":\"simple\",\"entries\":[" + entry + "]}",
                ORIGIN);
    }

    private static TuningUpdate hostIs(String id, String host) {
        return item(
                id,
                "{\"field\":\"host.name\",\"operator\":\"included\",\"type\":\"match\",\"value\":\"" + host + "\"}");
    }

    private static TuningUpdate hostInList(String id, String operator, String list) {
        return item(
                id,
                "{\"field\":\"host.name\",\"operator\":\"" + operator + "\",\"type\":\"list\",\"list\":{\"id\":\""
                        + list + "\",\"type\":\"keyword\"}}");
    }

    private static TuningUpdate list(String id, String values) {
        return TuningUpdate.of(EventStream.VALUE_LISTS, id, values, ORIGIN);
    }

    private static TuningUpdate tombstone(EventStream stream, String key) {
        return TuningUpdate.of(stream, key, null, ORIGIN);
    }

    @Test
    void anItemDropsTheDetectionsAfterItUntilItsTombstone() throws Exception {
        var harness = open(null);
        assertThat(passes(harness, "vm1")).isTrue();

        harness.processBroadcastElement(hostIs("pause-vm1", "vm1"), T0);
        assertThat(passes(harness, "vm1")).isFalse();
        assertThat(passes(harness, "vm2")).isTrue();

        harness.processBroadcastElement(hostIs("pause-vm1", "vm2"), T0);
        assertThat(passes(harness, "vm1")).as("the item replaced under its key").isTrue();
        assertThat(passes(harness, "vm2")).isFalse();

        harness.processBroadcastElement(tombstone(EventStream.EXCEPTIONS, "pause-vm1"), T0);
        assertThat(passes(harness, "vm2")).isTrue();
    }

    @Test
    void anItemNamingAListDropsNothingUntilTheListArrivesWhicheverComesFirst() throws Exception {
        var itemFirst = open(null);
        itemFirst.processBroadcastElement(hostInList("build", "included", "build-hosts"), T0);
        assertThat(passes(itemFirst, "vm1")).isTrue();
        itemFirst.processBroadcastElement(list("build-hosts", "vm1\nvm3\n"), T0);
        assertThat(passes(itemFirst, "vm1")).isFalse();
        assertThat(passes(itemFirst, "vm2")).isTrue();

        var listFirst = open(null);
        listFirst.processBroadcastElement(list("build-hosts", "[\"vm1\", \"vm3\"]"), T0);
        listFirst.processBroadcastElement(hostInList("build", "included", "build-hosts"), T0);
        assertThat(passes(listFirst, "vm1")).isFalse();
        assertThat(passes(listFirst, "vm2")).isTrue();

        listFirst.processBroadcastElement(tombstone(EventStream.VALUE_LISTS, "build-hosts"), T0);
        assertThat(passes(listFirst, "vm1"))
                .as("the list deleted: the item drops nothing")
                .isTrue();
    }

    @Test
    void anExcludedListEntryWithoutItsListDropsNothingRatherThanEverything() throws Exception {
        var harness = open(null);
        harness.processBroadcastElement(hostInList("not-prod", "excluded", "prod-hosts"), T0);
        assertThat(passes(harness, "vm1")).isTrue();
        harness.processBroadcastElement(list("prod-hosts", "vm1"), T0);
        assertThat(passes(harness, "vm1")).isTrue();
        assertThat(passes(harness, "vm2")).isFalse();
    }

    @Test
    void itemsAndListsSurviveARestore() throws Exception {
        var before = open(null);
        before.processBroadcastElement(hostIs("pause-vm1", "vm1"), T0);
        before.processBroadcastElement(hostInList("build", "included", "build-hosts"), T0);
        before.processBroadcastElement(list("build-hosts", "vm2"), T0);
        OperatorSubtaskState snapshot = before.snapshot(1, T0);

        var after = open(snapshot);
        assertThat(passes(after, "vm1")).isFalse();
        assertThat(passes(after, "vm2")).isFalse();
        assertThat(passes(after, "vm3")).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "i1 | {\"item_id\":\"i1\" | not JSON",
                "i1 | [1] | an exception item is a JSON object",
                "i1 | {\"item_id\":\"i2\",\"entries\":[{\"field\":\"host.name\",\"operator\":\"included\",\"type\":"
                        + "\"exists\"}]} | the message key must be the item's item_id",
                "i1 | {\"item_id\":\"i1\",\"entries\":[]} | item i1: entries must be a non-empty array",
                "i1 | {\"item_id\":\"i1\",\"entries\":[{\"field\":\"host.name\",\"operator\":\"is\",\"type\":"
                        + "\"exists\"}]} | item i1: operator of host.name must be included or excluded",
            })
    void aMessageThatIsNoItemIsRefusedWithWhy(String key, String value, String why) {
        assertThat(LiveExceptions.invalid(TuningUpdate.of(EventStream.EXCEPTIONS, key, value, ORIGIN)))
                .isEqualTo(why);
    }

    @Test
    void aListIsTextOfOneValueALineOrAJsonArrayOfStrings() {
        assertThat(LiveExceptions.invalid(list("l", "a\n b \n\nc"))).isNull();
        assertThat(LiveExceptions.invalid(list("l", "[\"a\", \"b\"]"))).isNull();
        assertThat(LiveExceptions.invalid(list("l", "[\"a\", 2]"))).isEqualTo("a JSON array of strings holds NUMBER");
        assertThat(LiveExceptions.invalid(list("l", "[\"a\"] trailing")))
                .isEqualTo("starts with [ but is no JSON array");
        assertThat(LiveExceptions.invalid(hostInList("build", "included", "not-there-yet")))
                .as("an item may name a list that comes later")
                .isNull();
        assertThat(ValueLists.values(" a \r\nb\n\n")).containsExactlyInAnyOrder("a", "b");
    }
}

package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rcdetect.domain.AzureMachine;
import io.github.rcdetect.domain.HostInventory;
import io.github.rcdetect.domain.InventoryEntry;
import io.github.rcdetect.event.ErrorType;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InventoryUpdate;
import io.github.rcdetect.event.Origin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Host inventory records in the shapes Azure's tools print them (docs/formats.md, "Host inventory"). The objects are
 * cut down from the documented output of {@code az graph query}, {@code az vm list}, {@code az vmss list} and
 * {@code az vmss list-instances}: no public export of a real inventory exists, so these are synthesized from the
 * documented shapes.
 */
class InventoryRecordsTest {
    private static final String RG = "/subscriptions/s/resourceGroups/RG-PROD/providers/Microsoft.Compute";
    private static final Origin ORIGIN = Origin.ofKafka(EventStream.INVENTORY, "inventory", 0, 4);

    /** Resource Graph: lower-case type, the profile under properties. */
    static final String RESOURCE_GRAPH_VM = "{\"id\":\"" + RG + "/virtualMachines/SQL-REPORTING-VM-07\","
            + "\"name\":\"SQL-REPORTING-VM-07\",\"type\":\"microsoft.compute/virtualmachines\",\"location\":\"westeurope\","
            + "\"properties\":{\"osProfile\":{\"computerName\":\"SQLRPT07\",\"adminUsername\":\"azureuser\"}}}";
    /** {@code az vm list}: the profile at the top level, the type as Azure spells it. */
    static final String AZ_VM = "{\"id\":\"" + RG + "/virtualMachines/LNX-CACHE-VM-2\",\"name\":\"LNX-CACHE-VM-2\","
            + "\"type\":\"Microsoft.Compute/virtualMachines\",\"osProfile\":{\"computerName\":\"cache-a\"}}";
    /** {@code az vmss list}: the prefix under virtualMachineProfile. */
    static final String AZ_SCALE_SET = "{\"id\":\"" + RG + "/virtualMachineScaleSets/FRONTSS\",\"name\":\"FRONTSS\","
            + "\"type\":\"Microsoft.Compute/virtualMachineScaleSets\",\"sku\":{\"capacity\":80},"
            + "\"virtualMachineProfile\":{\"osProfile\":{\"computerNamePrefix\":\"frontss\"}}}";
    /** {@code az vmss list-instances}: an instance with its own computer name. */
    static final String AZ_SCALE_SET_VM = "{\"id\":\"" + RG + "/virtualMachineScaleSets/FRONTSS/virtualMachines/76\","
            + "\"name\":\"FRONTSS_76\",\"instanceId\":\"76\","
            + "\"type\":\"Microsoft.Compute/virtualMachineScaleSets/virtualMachines\","
            + "\"osProfile\":{\"computerName\":\"front-special\"}}";

    private final InventoryRecords records = new InventoryRecords(ParserLimits.defaults());

    private InventoryUpdate message(String key, String value) {
        return records.message(
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                ORIGIN);
    }

    @Test
    void everyShapeGivesItsEntry() {
        assertThat(message(null, RESOURCE_GRAPH_VM).entry)
                .isEqualTo(InventoryEntry.of(
                        RG + "/virtualMachines/SQL-REPORTING-VM-07",
                        InventoryEntry.Kind.VIRTUAL_MACHINE,
                        "SQLRPT07",
                        null));
        assertThat(message(null, AZ_VM).entry.computerName).isEqualTo("cache-a");
        assertThat(message(null, AZ_SCALE_SET).entry)
                .isEqualTo(InventoryEntry.of(
                        RG + "/virtualMachineScaleSets/FRONTSS", InventoryEntry.Kind.SCALE_SET, null, "frontss"));
        assertThat(message(null, AZ_SCALE_SET_VM).entry.kind).isEqualTo(InventoryEntry.Kind.SCALE_SET_VM);
        assertThat(message(null, "{\"id\":\"" + RG + "/virtualMachines/vm9\"}").entry)
                .as("no type: the id tells")
                .isEqualTo(InventoryEntry.of(
                        RG + "/virtualMachines/vm9", InventoryEntry.Kind.VIRTUAL_MACHINE, null, null));
    }

    @Test
    void otherResourcesAreSkipped() {
        assertThat(message(
                        null,
                        "{\"id\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/n1\","
                                + "\"type\":\"microsoft.network/networkinterfaces\"}"))
                .isNull();
    }

    @Test
    void aTombstoneDeletesTheEntryItsKeyNames() {
        InventoryUpdate update = message(RG + "/virtualMachines/SQL-REPORTING-VM-07", null);
        assertThat(update.deletedId).isEqualTo(RG + "/virtualMachines/SQL-REPORTING-VM-07");
        assertThat(update.entry).isNull();
        assertThat(message(null, null).deadLetter.errorType).isEqualTo(ErrorType.INVALID_INVENTORY_ENTRY);
    }

    @Test
    void badRecordsAreDeadLettersSayingWhy() {
        assertThat(message(null, "{\"type\":\"Microsoft.Compute/virtualMachines\"}").deadLetter.errorMessage)
                .isEqualTo("no resource id (a string field id)");
        assertThat(message(null, "{\"id\":\"/subscriptions/s/resourceGroups/rg\"}").deadLetter.errorMessage)
                .isEqualTo("the id names no VM, scale-set VM or scale set");
        assertThat(message(
                                null,
                                "{\"id\":\"" + RG
                                        + "/virtualMachineScaleSets/x\",\"type\":\"Microsoft.Compute/virtualMachines\"}")
                        .deadLetter
                        .errorMessage)
                .isEqualTo("the id does not name a resource of type Microsoft.Compute/virtualMachines");
        assertThat(message(null, "{\"id\":\"" + RG + "/virtualMachines/x\",\"osProfile\":{\"computerName\":7}}")
                        .deadLetter
                        .errorType)
                .isEqualTo(ErrorType.INVALID_FIELD);
        InventoryUpdate notJson = message(null, "{\"id\":");
        assertThat(notJson.deadLetter.errorType).isEqualTo(ErrorType.INVALID_JSON);
        assertThat(notJson.deadLetter.origin).isEqualTo(ORIGIN);
        assertThat(new String(notJson.deadLetter.original, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":");
        assertThat(message(null, "[1]").deadLetter.errorType).isEqualTo(ErrorType.NOT_AN_OBJECT);
    }

    @Test
    void filesMayBeNdjsonAnArrayOrAnAzGraphQueryResult(@TempDir Path dir) throws IOException {
        Path ndjson = Files.writeString(dir.resolve("a.ndjson"), RESOURCE_GRAPH_VM + "\n\n" + AZ_SCALE_SET + "\n");
        Path array = Files.writeString(dir.resolve("b.json"), "[\n  " + AZ_VM + ",\n  " + AZ_SCALE_SET_VM + "\n]\n");
        Path graph = Files.writeString(
                dir.resolve("c.json"),
                "{\"count\":1,\"data\":[{\"id\":\"" + RG + "/virtualMachines/WIN-PAY-03\",\"type\":"
                        + "\"microsoft.compute/virtualmachines\",\"properties\":{\"osProfile\":{\"computerName\":"
                        + "\"WINPAY03\"}}}],\"skip_token\":null,\"total_records\":1}");
        HostInventory inventory = records.readFiles(List.of(ndjson, array, graph));
        assertThat(inventory.size()).isEqualTo(5);
        assertThat(inventory.resolve("sqlrpt07").name()).isEqualTo("SQL-REPORTING-VM-07");
        assertThat(inventory.resolve("frontss000023"))
                .isEqualTo(new AzureMachine("FRONTSS_75", RG + "/virtualMachineScaleSets/FRONTSS/virtualMachines/75"));
        assertThat(inventory.resolve("cache-a").name()).isEqualTo("LNX-CACHE-VM-2");
        assertThat(inventory.resolve("front-special").name()).isEqualTo("FRONTSS_76");
        assertThat(inventory.resolve("winpay03").name()).isEqualTo("WIN-PAY-03");
    }

    @Test
    void aBadFileIsOneMessageNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.ndjson"), RESOURCE_GRAPH_VM + "\n{\"id\": \n");
        assertThatThrownBy(() -> records.readFiles(List.of(broken)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(broken + ": line 3: not JSON");
        Path noId = Files.writeString(dir.resolve("noid.ndjson"), AZ_VM + "\n{\"name\":\"x\"}\n");
        assertThatThrownBy(() -> records.readFiles(List.of(noId)))
                .hasMessage(noId + ": line 2: no resource id (a string field id)");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> records.readFiles(List.of(missing)))
                .hasMessage(missing + ": cannot read (NoSuchFileException)");
    }
}

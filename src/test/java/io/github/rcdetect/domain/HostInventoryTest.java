package io.github.rcdetect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The inventory's answers (docs/spec.md, section 9): by computer name, by scale-set prefix, never by guess. */
class HostInventoryTest {
    private static final String RG = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute";
    private static final String SQL_VM = RG + "/virtualMachines/SQL-REPORTING-VM-07";
    private static final String FRONT = RG + "/virtualMachineScaleSets/frontss";

    private static InventoryEntry vm(String id, String computerName) {
        return InventoryEntry.of(id, InventoryEntry.Kind.VIRTUAL_MACHINE, computerName, null);
    }

    private static InventoryEntry scaleSet(String id, String prefix) {
        return InventoryEntry.of(id, InventoryEntry.Kind.SCALE_SET, null, prefix);
    }

    @Test
    void aComputerNameResolvesToItsVm() {
        HostInventory inventory = new HostInventory();
        inventory.put(vm(SQL_VM, "SQLRPT07"));
        assertThat(inventory.resolve("sqlrpt07")).isEqualTo(new AzureMachine("SQL-REPORTING-VM-07", SQL_VM));
        assertThat(inventory.resolve("sqlrpt08")).isNull();
    }

    @Test
    void aPrefixAndSixBase36DigitsResolveToTheScaleSetInstance() {
        HostInventory inventory = new HostInventory();
        inventory.put(scaleSet(FRONT, "frontss"));
        // 000023 in base 36 is 2 * 36 + 3 = 75.
        assertThat(inventory.resolve("frontss000023"))
                .isEqualTo(new AzureMachine("frontss_75", FRONT + "/virtualMachines/75"));
        assertThat(inventory.resolve("FRONTSS00000A"))
                .isEqualTo(new AzureMachine("frontss_10", FRONT + "/virtualMachines/10"));
        assertThat(inventory.resolve("frontss00002")).as("five digits").isNull();
        assertThat(inventory.resolve("frontss0000-3")).as("not base 36").isNull();
        assertThat(inventory.resolve("backss000023")).as("another prefix").isNull();
    }

    @Test
    void aScaleSetVmsOwnComputerNameWinsOverThePrefix() {
        HostInventory inventory = new HostInventory();
        inventory.put(scaleSet(FRONT, "frontss"));
        inventory.put(InventoryEntry.of(
                FRONT + "/virtualMachines/4", InventoryEntry.Kind.SCALE_SET_VM, "frontss000023", null));
        assertThat(inventory.resolve("frontss000023"))
                .isEqualTo(new AzureMachine("frontss_4", FRONT + "/virtualMachines/4"));
    }

    @Test
    void aNameTwoMachinesShareResolvesToNone() {
        HostInventory inventory = new HostInventory();
        inventory.put(vm(RG + "/virtualMachines/a", "web"));
        inventory.put(vm(RG + "/virtualMachines/b", "WEB"));
        inventory.put(scaleSet(FRONT, "front"));
        inventory.put(scaleSet(RG + "/virtualMachineScaleSets/front2", "FRONT"));
        assertThat(inventory.resolve("web")).isNull();
        assertThat(inventory.resolve("front000001")).isNull();
    }

    @Test
    void aTombstoneAndAReplacementForgetTheOldName() {
        HostInventory inventory = new HostInventory();
        inventory.put(vm(SQL_VM, "sqlrpt07"));
        inventory.put(vm(SQL_VM.toLowerCase(), "sqlrpt-new"));
        assertThat(inventory.resolve("sqlrpt07")).isNull();
        assertThat(inventory.resolve("sqlrpt-new")).isNotNull();
        assertThat(inventory.size()).isEqualTo(1);
        inventory.remove(SQL_VM.toUpperCase());
        assertThat(inventory.resolve("sqlrpt-new")).isNull();
        assertThat(inventory.size()).isZero();
    }

    @Test
    void aCopyChangesAlone() {
        HostInventory inventory = new HostInventory();
        inventory.put(vm(SQL_VM, "sqlrpt07"));
        HostInventory copy = inventory.copy();
        copy.remove(SQL_VM);
        assertThat(inventory.resolve("sqlrpt07")).isNotNull();
        assertThat(copy.resolve("sqlrpt07")).isNull();
    }

    /**
     * The answers depend on which entries are held, never on the order different resources' updates arrived in: the
     * last update of each resource id decides, whatever came between.
     */
    @Property(tries = 200)
    void theAnswersDoNotDependOnTheOrderOfUpdates(@ForAll @IntRange(min = 1, max = 40) int updates, @ForAll long seed) {
        Random random = new Random(seed);
        List<List<InventoryEntry>> byResource = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<InventoryEntry> history = new ArrayList<>();
            String id = i < 4 ? RG + "/virtualMachines/vm" + i : RG + "/virtualMachineScaleSets/ss" + i;
            for (int u = 0; u < 1 + random.nextInt(Math.max(1, updates / 6)); u++) {
                String name = "n" + random.nextInt(3);
                history.add(random.nextInt(5) == 0 ? null : i < 4 ? vm(id, name) : scaleSet(id, name));
            }
            byResource.add(history);
        }
        HostInventory inOrder = apply(interleave(byResource, new Random(1)));
        HostInventory shuffled = apply(interleave(byResource, new Random(seed + 1)));
        for (String guest : List.of("n0", "n1", "n2", "n0000001", "n1000002", "n2zzzzzz")) {
            assertThat(shuffled.resolve(guest)).as(guest).isEqualTo(inOrder.resolve(guest));
        }
        assertThat(shuffled.size()).isEqualTo(inOrder.size());
    }

    /** One arrival order: each resource's updates in their own order, the resources interleaved at random. */
    private static List<Object[]> interleave(List<List<InventoryEntry>> byResource, Random random) {
        List<Object[]> order = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (int r = 0; r < byResource.size(); r++) {
            pending.addAll(Collections.nCopies(byResource.get(r).size(), r));
        }
        Collections.shuffle(pending, random);
        int[] next = new int[byResource.size()];
        for (int r : pending) {
            order.add(new Object[] {r, byResource.get(r).get(next[r]++)});
        }
        return order;
    }

    private static HostInventory apply(List<Object[]> updates) {
        HostInventory inventory = new HostInventory();
        for (Object[] update : updates) {
            int resource = (Integer) update[0];
            InventoryEntry entry = (InventoryEntry) update[1];
            if (entry == null) {
                inventory.remove(
                        resource < 4
                                ? RG + "/virtualMachines/vm" + resource
                                : RG + "/virtualMachineScaleSets/ss" + resource);
            } else {
                inventory.put(entry);
            }
        }
        return inventory;
    }
}

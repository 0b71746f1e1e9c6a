package io.github.rcdetect.domain;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host inventory as an index (docs/spec.md, section 9): which machine a guest's computer name belongs to. What it
 * answers depends only on the entries it holds, never on the order they were put or removed in, so every parallel
 * instance of the job, and every restore, answers alike. Nothing is guessed: a name two machines share, or a prefix
 * two scale sets share, resolves to none.
 */
public final class HostInventory implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Uniform scale sets name an instance by the prefix and the instance id in base 36, six digits. */
    static final int INSTANCE_SUFFIX_LENGTH = 6;

    /** Entries by lower-cased resource id. */
    private final Map<String, InventoryEntry> entries = new HashMap<>();
    /** Lower-cased computer name to the lower-cased ids of the VMs and scale-set VMs that have it. */
    private final Map<String, Set<String>> byComputerName = new HashMap<>();
    /** Lower-cased computer-name prefix to the lower-cased ids of the scale sets that have it. */
    private final Map<String, Set<String>> byPrefix = new HashMap<>();

    /** Adds an entry, or replaces the one with its resource id. */
    public void put(InventoryEntry entry) {
        String id = lower(entry.id);
        remove(entry.id);
        entries.put(id, entry);
        if (entry.kind == InventoryEntry.Kind.SCALE_SET) {
            index(byPrefix, entry.computerNamePrefix, id);
        } else {
            index(byComputerName, entry.computerName, id);
        }
    }

    /** Removes the entry of a resource id (a tombstone), if there is one. */
    public void remove(String resourceId) {
        String id = lower(resourceId);
        InventoryEntry old = entries.remove(id);
        if (old != null) {
            unindex(byPrefix, old.computerNamePrefix, id);
            unindex(byComputerName, old.computerName, id);
        }
    }

    /** An inventory of the same entries, to change without changing this one. */
    public HostInventory copy() {
        HostInventory copy = new HostInventory();
        entries.values().forEach(copy::put);
        return copy;
    }

    public int size() {
        return entries.size();
    }

    /**
     * The machine whose guest has this computer name (lower-cased, without domain suffix), or null: a VM or scale-set
     * VM with that computer name; else the instance of the one scale set whose prefix it starts with, followed by a
     * six-digit base-36 instance id.
     */
    public AzureMachine resolve(String guestName) {
        if (guestName == null) {
            return null;
        }
        String name = lower(guestName);
        Set<String> named = byComputerName.get(name);
        if (named != null) {
            return named.size() == 1 ? machineOf(entries.get(named.iterator().next())) : null;
        }
        if (name.length() <= INSTANCE_SUFFIX_LENGTH) {
            return null;
        }
        int split = name.length() - INSTANCE_SUFFIX_LENGTH;
        long instanceId = base36(name.substring(split));
        Set<String> scaleSets = byPrefix.get(name.substring(0, split));
        if (instanceId < 0 || scaleSets == null || scaleSets.size() != 1) {
            return null;
        }
        InventoryEntry scaleSet = entries.get(scaleSets.iterator().next());
        String scaleSetName = ResourceIds.scaleSetName(scaleSet.id);
        return new AzureMachine(
                scaleSetName + "_" + instanceId, ResourceIds.scaleSetInstanceId(scaleSet.id, instanceId));
    }

    private static AzureMachine machineOf(InventoryEntry entry) {
        AzureMachine machine = ResourceIds.machine(entry.id);
        return machine == null ? null : new AzureMachine(machine.name(), entry.id);
    }

    /** The value of six base-36 digits (0-9, a-z), or -1 when they are not. */
    static long base36(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 36 + digit;
        }
        return value;
    }

    private static void index(Map<String, Set<String>> index, String name, String id) {
        if (name != null && !name.isEmpty()) {
            index.computeIfAbsent(lower(name), k -> new TreeSet<>()).add(id);
        }
    }

    private static void unindex(Map<String, Set<String>> index, String name, String id) {
        if (name == null) {
            return;
        }
        String key = lower(name);
        Set<String> ids = index.get(key);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            index.remove(key);
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

package io.github.rcdetect.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the host inventory knows of one Azure resource (docs/spec.md, section 9): a VM or scale-set VM and the computer
 * name its guest was given, or a scale set and the prefix of its instances' computer names. A Flink POJO, as the
 * streaming job keeps entries in broadcast state.
 */
public class InventoryEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of resource an inventory describes; every other resource type is ignored. */
    public enum Kind {
        VIRTUAL_MACHINE,
        SCALE_SET_VM,
        SCALE_SET
    }

    /** The resource id, as the inventory spells it. */
    public String id;

    public Kind kind;
    /** {@code osProfile.computerName} of a VM or scale-set VM; null when the inventory gives none. */
    public String computerName;
    /** {@code virtualMachineProfile.osProfile.computerNamePrefix} of a scale set; null when the inventory gives none. */
    public String computerNamePrefix;

    public InventoryEntry() {}

    public static InventoryEntry of(String id, Kind kind, String computerName, String computerNamePrefix) {
        InventoryEntry entry = new InventoryEntry();
        entry.id = id;
        entry.kind = kind;
        entry.computerName = computerName;
        entry.computerNamePrefix = computerNamePrefix;
        return entry;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InventoryEntry that
                && Objects.equals(id, that.id)
                && kind == that.kind
                && Objects.equals(computerName, that.computerName)
                && Objects.equals(computerNamePrefix, that.computerNamePrefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, computerName, computerNamePrefix);
    }

    @Override
    public String toString() {
        return kind + " " + id + (computerName != null ? " computer " + computerName : "")
                + (computerNamePrefix != null ? " prefix " + computerNamePrefix : "");
    }
}

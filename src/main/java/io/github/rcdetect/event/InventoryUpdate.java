package io.github.rcdetect.event;

import io.github.rcdetect.domain.InventoryEntry;

/**
 * One record of the host inventory's topic: an entry to put, a tombstone deleting the entry of a resource id, or a
 * dead letter. Exactly one of {@link #entry}, {@link #deletedId} and {@link #deadLetter} is set.
 */
public class InventoryUpdate {
    public InventoryEntry entry;
    /** The resource id a tombstone deletes. */
    public String deletedId;

    public DeadLetter deadLetter;

    public InventoryUpdate() {}

    public static InventoryUpdate put(InventoryEntry entry) {
        InventoryUpdate update = new InventoryUpdate();
        update.entry = entry;
        return update;
    }

    public static InventoryUpdate delete(String resourceId) {
        InventoryUpdate update = new InventoryUpdate();
        update.deletedId = resourceId;
        return update;
    }

    public static InventoryUpdate of(DeadLetter deadLetter) {
        InventoryUpdate update = new InventoryUpdate();
        update.deadLetter = deadLetter;
        return update;
    }
}

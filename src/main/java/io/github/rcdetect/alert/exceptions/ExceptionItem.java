package io.github.rcdetect.alert.exceptions;

import io.github.rcdetect.alert.fields.AlertFields;

import java.io.Serializable;
import java.util.List;

/**
 * One item of an exception list: it drops an alert when all its entries hold, unless it expired before the alert's
 * time (judged in event time, so a replay gives the same result).
 *
 * @param expiresAt epoch milliseconds of {@code expire_time}; null for an item that never expires
 */
public record ExceptionItem(String itemId, String listId, List<Entry> entries, Long expiresAt) implements Serializable {
    public boolean matches(AlertFields alert, long alertTime) {
        if (expiresAt != null && expiresAt < alertTime) {
            return false;
        }
        for (Entry entry : entries) {
            if (!entry.holds(alert)) {
                return false;
            }
        }
        return true;
    }
}

package io.github.rcdetect.alert.exceptions;

import io.github.rcdetect.alert.fields.AlertFields;

import java.io.Serializable;
import java.util.List;

/** Every exception item the job applies: an alert some item matches is dropped (items are ORed, entries ANDed). */
public record Exceptions(List<ExceptionItem> items) implements Serializable {
    public static Exceptions none() {
        return new Exceptions(List.of());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The first item that drops this alert, or null. */
    public ExceptionItem dropping(AlertFields alert, long alertTime) {
        for (ExceptionItem item : items) {
            if (item.matches(alert, alertTime)) {
                return item;
            }
        }
        return null;
    }
}

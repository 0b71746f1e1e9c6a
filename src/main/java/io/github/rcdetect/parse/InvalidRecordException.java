package io.github.rcdetect.parse;

import io.github.rcdetect.event.ErrorType;

/** A record that parsed as JSON but cannot be used; its type and message become the dead letter's error. */
public final class InvalidRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorType errorType;

    public InvalidRecordException(ErrorType errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
    }

    public ErrorType errorType() {
        return errorType;
    }
}

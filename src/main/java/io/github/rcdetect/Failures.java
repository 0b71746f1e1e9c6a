package io.github.rcdetect;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A failed run as the one line bin/detect prints for it (docs/operations.md, "What a run says"): the file and why
 * when a file could not be read or written, what the start found wrong, or else the innermost cause. The stack trace
 * is for {@code --verbose}.
 */
final class Failures {
    private Failures() {}

    static String describe(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileSystemException file) {
                return "cannot use " + file.getFile() + " (" + reason(file) + ")";
            }
            if (cause instanceof FileNotFoundException missing) {
                return "cannot use " + missing.getMessage();
            }
            if (cause instanceof IllegalStateException start && cause == failure) {
                return start.getMessage();
            }
            innermost = cause;
            if (cause.getCause() == cause) {
                break;
            }
        }
        return "the job failed: " + innermost.getClass().getSimpleName()
                + (innermost.getMessage() == null ? "" : ": " + innermost.getMessage());
    }

    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }
}

package io.github.rcdetect.io.kafka;

/** Where offsets start when the job starts without a checkpoint or savepoint. */
public enum StartingOffsets {
    EARLIEST,
    LATEST,
    /** The group's committed offsets, else the earliest. */
    COMMITTED
}

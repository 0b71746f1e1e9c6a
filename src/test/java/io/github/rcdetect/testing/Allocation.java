package io.github.rcdetect.testing;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while running some code: how the bound tests see memory per record. */
public final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {}

    /** What a piece of code allocated and how long it took. */
    public record Measured(long bytes, long millis) {}

    /** A block of code that may throw. */
    @FunctionalInterface
    public interface Code {
        void run() throws Exception;
    }

    public static Measured of(Code code) throws Exception {
        if (!THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        long thread = Thread.currentThread().getId();
        long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
        long started = System.nanoTime();
        code.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Measured(THREADS.getThreadAllocatedBytes(thread) - bytesBefore, millis);
    }
}

package io.github.rcdetect.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The test MiniCluster every integration test runs on: one TaskManager with as many slots as the test's jobs need. */
public final class TestClusters {
    private TestClusters() {}

    public static MiniClusterResourceConfiguration withSlots(int slots) {
        return new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(slots)
                .build();
    }

    /** For {@code @RegisterExtension}: the cluster is started once per test class. */
    public static MiniClusterExtension extensionWithSlots(int slots) {
        return new MiniClusterExtension(withSlots(slots));
    }
}

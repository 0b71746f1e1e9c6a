package io.github.rcdetect.reference;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;

/**
 * Differential test of R1 and R2: random scenarios through the real job on a MiniCluster must raise exactly the
 * alerts of {@link ReferenceModel}. Scenarios on different hosts are independent, so every try packs
 * {@value #SCENARIOS_PER_RUN} of them into one job run. A failure names the disagreeing scenarios; shrinking is off
 * because each step would be a job run, and the scenario is already isolated. {@link IdentityAgreesWithReferenceITCase}
 * does the same for host identity and the managed Run Command family.
 */
@AddLifecycleHook(PropertyRunSettings.class)
class JobAgreesWithReferenceITCase {
    static final int SCENARIOS_PER_RUN = 100;

    private static final DifferentialRuns RUNS = new DifferentialRuns("JobAgreesWithReferenceITCase");

    @BeforeContainer
    static void startCluster() throws Exception {
        RUNS.start();
    }

    @AfterContainer
    static void stopCluster() {
        RUNS.stop();
    }

    @Provide
    Arbitrary<List<Scenario>> batches() {
        return Scenarios.batches(SCENARIOS_PER_RUN, true);
    }

    @Property(tries = 40, seed = "20260310", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void boundedRunRaisesExactlyTheReferenceAlerts(@ForAll("batches") List<Scenario> batch, @ForAll long layoutSeed)
            throws Exception {
        RUNS.bounded(batch, layoutSeed);
    }

    @Property(tries = 16, seed = "20260311", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void streamingRunWithWatermarksRaisesExactlyTheReferenceAlerts(
            @ForAll("batches") List<Scenario> batch, @ForAll long orderSeed) throws Exception {
        RUNS.streaming(batch, orderSeed);
    }
}

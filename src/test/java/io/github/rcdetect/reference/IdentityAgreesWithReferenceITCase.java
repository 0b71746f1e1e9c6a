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
 * Differential test of host identity and the Run Command family (docs/spec.md, sections 9 and 10): fleet scenarios
 * (VMs and scale-set instances named by resource id or name, guests named by host name, FQDN, cloud metadata or the
 * inventory, v1 and managed invocations, the two handlers' script children and their near misses) through the real
 * job with their inventory must raise exactly the R1 to R4 alerts of {@link ReferenceModel}, with the same host,
 * machine, resource id and host match, and no RunAs password in any alert. As in {@link
 * JobAgreesWithReferenceITCase}, {@value #SCENARIOS_PER_RUN} scenarios on hosts of their own share a job run.
 */
@AddLifecycleHook(PropertyRunSettings.class)
class IdentityAgreesWithReferenceITCase {
    static final int SCENARIOS_PER_RUN = 100;

    private static final DifferentialRuns FLEETS = new DifferentialRuns("IdentityAgreesWithReferenceITCase");

    @BeforeContainer
    static void startCluster() throws Exception {
        FLEETS.start();
    }

    @AfterContainer
    static void stopCluster() {
        FLEETS.stop();
    }

    @Provide
    Arbitrary<List<Scenario>> fleets() {
        return Scenarios.fleetBatches(SCENARIOS_PER_RUN);
    }

    @Property(tries = 12, seed = "20260914", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void aBoundedRunOverFleetsRaisesExactlyTheReferenceAlerts(
            @ForAll("fleets") List<Scenario> batch, @ForAll long layoutSeed) throws Exception {
        FLEETS.bounded(batch, layoutSeed);
    }

    @Property(tries = 6, seed = "20260915", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void aStreamOverFleetsWithWatermarksRaisesExactlyTheReferenceAlerts(
            @ForAll("fleets") List<Scenario> batch, @ForAll long orderSeed) throws Exception {
        FLEETS.streaming(batch, orderSeed);
    }
}

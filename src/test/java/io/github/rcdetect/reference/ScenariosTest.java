package io.github.rcdetect.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.reference.ReferenceModel.Invocation;
import io.github.rcdetect.reference.Scenario.ActivityRecord;
import io.github.rcdetect.reference.Scenario.InventoryResource;
import io.github.rcdetect.reference.Scenario.ProcessRecord;
import io.github.rcdetect.reference.Scenario.Result;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The generators, without the job: the reference accepts every scenario of the differential properties, and the
 * edges they exist for come up often enough (jqwik fails the property when a coverage check falls short).
 */
class ScenariosTest {

    @Provide
    Arbitrary<Scenario> differentialScenarios() {
        return Scenarios.scenarios(true);
    }

    @Property(tries = 3000, seed = "20260313", edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void theReferenceAcceptsEveryDifferentialScenarioAndTheEdgesAreCovered(
            @ForAll("differentialScenarios") Scenario scenario) {
        // Throws on a tie docs/choices.md leaves open.
        List<ReferenceModel.Expected> alerts = ReferenceModel.alerts(List.of(scenario), Locations.ANYWHERE);
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.view().host()).isLowerCase());

        List<Invocation> invocations = ReferenceModel.invocations(ReferenceModel.Family.ACTION, scenario.activity());
        List<Long> delays = new ArrayList<>();
        for (ProcessRecord process : scenario.processes()) {
            if (ReferenceModel.isR1GuestProcess(process)) {
                for (Invocation invocation : invocations) {
                    if (invocation
                            .host()
                            .equals(ReferenceModel.guest(process, scenario.inventory())
                                    .key())) {
                        delays.add(process.at() - invocation.at());
                    }
                }
            }
        }
        cover("guest process at +0 ms of an invocation", delays.contains(0L), 2);
        cover("guest process at +120000 ms", delays.contains(120_000L), 2);
        cover("guest process at +120001 ms", delays.contains(120_001L), 2);
        cover("guest process at -1 ms", delays.contains(-1L), 2);
        cover("overlapping invocations on a host", pairOnOneHost(invocations, d -> d <= 120_000), 25);
        cover("invocations at one millisecond on a host", pairOnOneHost(invocations, d -> d == 0), 0.5);
        cover(
                "invocation of several records",
                invocations.stream().anyMatch(i -> i.records().size() > 1),
                30);
        Map<List<String>, List<ActivityRecord>> byId = scenario.activity().stream()
                .filter(record -> record.correlationId() != null)
                .collect(Collectors.groupingBy(record -> List.of(
                        ReferenceModel.machine(record).key(),
                        record.correlationId().toLowerCase(Locale.ROOT))));
        cover(
                "Failure record of an invocation that started",
                byId.values().stream()
                        .anyMatch(group -> group.stream().anyMatch(r -> r.result() == Result.FAILURE)
                                && group.stream().anyMatch(r -> r.result() != Result.FAILURE)),
                20);
        cover(
                "lone Failure record",
                scenario.activity().stream()
                        .anyMatch(r -> r.result() == Result.FAILURE
                                && (r.correlationId() == null
                                        || byId.get(List.of(
                                                                ReferenceModel.machine(r)
                                                                        .key(),
                                                                r.correlationId()
                                                                        .toLowerCase(Locale.ROOT)))
                                                        .size()
                                                == 1)),
                10);
        cover(
                "an id in two spellings",
                byId.values().stream()
                        .anyMatch(group -> group.stream()
                                        .map(ActivityRecord::correlationId)
                                        .distinct()
                                        .count()
                                > 1),
                15);
        cover("R1 alert", alerts.stream().anyMatch(alert -> alert.view().rule().equals("R1")), 25);
        cover(
                "script child that is no R1 guest (fork, conhost.exe, other shell)",
                scenario.processes().stream()
                        .anyMatch(p -> ReferenceModel.isR2Hit(p) && !ReferenceModel.isR1GuestProcess(p)),
                30);
        cover(
                "script<N> with N of several digits",
                scenario.processes().stream()
                        .anyMatch(p -> ReferenceModel.hasWindowsScriptParent(p)
                                && p.parentCommandLine()
                                        .toLowerCase(Locale.ROOT)
                                        .matches("(?s).*script[0-9]{2,}\\.ps1.*")),
                25);
        cover(
                "spacing variant of the PowerShell command line",
                scenario.processes().stream()
                        .anyMatch(p -> ReferenceModel.hasWindowsScriptParent(p)
                                && !p.parentCommandLine()
                                        .equals(p.parentCommandLine().trim().replaceAll("\\s+", " "))),
                30);
        cover(
                "look-alike PowerShell command line",
                scenario.processes().stream()
                        .anyMatch(p -> "powershell.exe".equalsIgnoreCase(p.parentName())
                                && !ReferenceModel.hasWindowsScriptParent(p)),
                20);
        cover(
                "host name in another case",
                scenario.processes().stream()
                        .anyMatch(p -> !p.host().equals(p.host().toLowerCase(Locale.ROOT))),
                50);
    }

    @Provide
    Arbitrary<Scenario> fleetScenarios() {
        return Scenarios.fleetScenarios();
    }

    @Property(tries = 3000, seed = "20260916", edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void theReferenceAcceptsEveryFleetScenarioAndTheIdentityEdgesAreCovered(
            @ForAll("fleetScenarios") Scenario scenario) {
        // Throws on a tie docs/choices.md leaves open.
        List<AlertView> alerts = ReferenceModel.alerts(List.of(scenario), Locations.ANYWHERE).stream()
                .map(ReferenceModel.Expected::view)
                .toList();
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.host()).isLowerCase());
        List<AlertView> correlated =
                alerts.stream().filter(AlertView::isCorrelation).toList();
        Set<String> machines = new HashSet<>();
        scenario.activity()
                .forEach(record -> machines.add(ReferenceModel.machine(record).key()));
        List<ReferenceModel.Guest> guests = scenario.processes().stream()
                .filter(p -> ReferenceModel.isR1GuestProcess(p) || ReferenceModel.isR4Hit(p))
                .map(p -> ReferenceModel.guest(p, scenario.inventory()))
                .toList();

        cover("R1 alert", alerts.stream().anyMatch(a -> a.rule().equals("R1")), 6);
        cover("R3 alert", alerts.stream().anyMatch(a -> a.rule().equals("R3")), 9);
        cover("R4 alert", alerts.stream().anyMatch(a -> a.rule().equals("R4")), 35);
        cover("R2 alert", alerts.stream().anyMatch(a -> a.rule().equals("R2")), 33);
        cover(
                "correlated FQDN guest",
                correlated.stream().anyMatch(a -> a.host().contains(".")),
                6);
        cover("correlated by cloud.instance.name", matched(correlated, "cloud_instance_name"), 7);
        cover("correlated through the inventory", matched(correlated, "inventory"), 6);
        cover(
                "correlated through a scale set's prefix",
                correlated.stream()
                        .anyMatch(a -> a.hostMatch().equals("inventory")
                                && a.host().matches(".*[0-9a-z]{6}(\\..*)?")
                                && a.cloudInstanceName().contains("_")),
                4);
        cover(
                "correlated scale-set instance",
                correlated.stream().anyMatch(a -> a.cloudInstanceName().contains("_")),
                9);
        cover(
                "correlated machine named by azure.resource.name alone",
                correlated.stream().anyMatch(a -> a.resourceId() == null),
                2.5);
        cover(
                "guest process whose own name is no machine's: uncorrelated",
                guests.stream().anyMatch(g -> g.match().equals("host_name") && !machines.contains(g.key())),
                16);
        cover(
                "renamed guest listed in the inventory",
                guests.stream()
                        .anyMatch(g ->
                                g.match().equals("inventory") && !g.hostName().startsWith(g.key())),
                14);
        cover(
                "guest of a VM whose name holds a dot",
                guests.stream().anyMatch(g -> g.hostName().contains(".prod")),
                2);
        List<InventoryResource> scaleSets = scenario.inventory().stream()
                .filter(InventoryResource::isScaleSet)
                .toList();
        cover(
                "computer name of a scale-set VM that another scale set's prefix would name otherwise",
                guests.stream().anyMatch(g -> {
                    ReferenceModel.Machine byPrefix =
                            ReferenceModel.listedMachine(g.hostName().split("\\.")[0], scaleSets);
                    return g.match().equals("inventory")
                            && byPrefix != null
                            && !byPrefix.key().equals(g.key());
                }),
                0);
        cover(
                "another cloud's cloud.instance.name, ignored",
                scenario.processes().stream().anyMatch(p -> "aws".equals(p.cloudProvider())),
                7);
        cover(
                "R4 hit near a v1 action on its machine, no managed write",
                nearOnlyTheOtherFamily(scenario, ReferenceModel.Family.MANAGED, ReferenceModel::isR4Hit),
                8);
        cover(
                "v1 guest process near a managed write on its machine, no v1 action",
                nearOnlyTheOtherFamily(scenario, ReferenceModel.Family.ACTION, ReferenceModel::isR1GuestProcess),
                5);
        cover(
                "failed managed write",
                scenario.activity().stream()
                        .anyMatch(r -> ReferenceModel.Family.of(r.operation()) == ReferenceModel.Family.MANAGED
                                && r.result() == Result.FAILURE),
                15);
        cover(
                "handler folder only further in a path",
                scenario.processes().stream()
                        .anyMatch(p -> !ReferenceModel.isR4Hit(p)
                                && p.parentArgs().stream()
                                        .anyMatch(a -> a.indexOf("/var/lib/waagent/run-command-handler/") > 0)),
                8);
        cover(
                "RunAs password on an R4 hit's parent",
                scenario.processes().stream()
                        .anyMatch(p -> ReferenceModel.isR4Hit(p)
                                && p.parentCommandLine().contains(Scenarios.RUNAS_PASSWORD)),
                10);
    }

    private static boolean matched(List<AlertView> alerts, String match) {
        return alerts.stream().anyMatch(alert -> alert.hostMatch().equals(match));
    }

    /**
     * Whether a guest process of the other family's kind lies within 120 s after an invocation on its machine of
     * {@code family}'s opposite, with none of its own family there.
     */
    private static boolean nearOnlyTheOtherFamily(
            Scenario scenario, ReferenceModel.Family own, Predicate<ProcessRecord> isGuest) {
        ReferenceModel.Family other =
                own == ReferenceModel.Family.ACTION ? ReferenceModel.Family.MANAGED : ReferenceModel.Family.ACTION;
        List<Invocation> others = ReferenceModel.invocations(other, scenario.activity());
        List<Invocation> owns = ReferenceModel.invocations(own, scenario.activity());
        return scenario.processes().stream().filter(isGuest).anyMatch(process -> {
            String key = ReferenceModel.guest(process, scenario.inventory()).key();
            Predicate<Invocation> near = invocation -> invocation.host().equals(key)
                    && process.at() - invocation.at() >= 0
                    && process.at() - invocation.at() <= 120_000;
            return others.stream().anyMatch(near) && owns.stream().noneMatch(near);
        });
    }

    private static boolean pairOnOneHost(List<Invocation> invocations, Predicate<Long> distance) {
        for (int i = 0; i < invocations.size(); i++) {
            for (int j = i + 1; j < invocations.size(); j++) {
                Invocation a = invocations.get(i);
                Invocation b = invocations.get(j);
                if (a.host().equals(b.host()) && distance.test(Math.abs(a.at() - b.at()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Counts how often a scenario has this edge and fails the property when it is under {@code percent}. */
    private static void cover(String edge, boolean present, double percent) {
        Statistics.label(edge).collect(present);
        Statistics.label(edge).coverage(coverage -> coverage.check(true).percentage(p -> p >= percent));
    }

    /** Source locations play no part here. */
    private enum Locations implements ReferenceModel.Locations {
        ANYWHERE;

        @Override
        public String file(Object record) {
            return Path.of("any.ndjson").toString();
        }

        @Override
        public long line(Object record) {
            return 1;
        }

        @Override
        public Integer recordIndex(Object record) {
            return null;
        }
    }
}

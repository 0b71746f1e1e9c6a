package io.github.rcdetect.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.reference.ReferenceModel.Invocation;
import io.github.rcdetect.reference.Scenario.ActivityRecord;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

        List<Invocation> invocations = ReferenceModel.invocations(scenario.activity());
        List<Long> delays = new ArrayList<>();
        for (ProcessRecord process : scenario.processes()) {
            if (ReferenceModel.isR1GuestProcess(process)) {
                for (Invocation invocation : invocations) {
                    if (invocation.host().equals(ReferenceModel.hostKey(process.host()))) {
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
                        ReferenceModel.hostKey(record.vm()),
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
                                                                ReferenceModel.hostKey(r.vm()),
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

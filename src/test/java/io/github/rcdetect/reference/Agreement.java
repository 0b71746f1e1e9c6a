package io.github.rcdetect.reference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.reference.ReferenceModel.Expected;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the job's alerts with the reference's, scenario by scenario (each has hosts of its own, {@code s<i>-...}),
 * and names the scenarios that disagree with both sides' alerts.
 */
final class Agreement {
    /** How many disagreeing scenarios a failure message shows in full. */
    private static final int SHOWN = 3;

    private Agreement() {}

    static void check(List<Scenario> batch, List<Expected> expected, List<ObjectNode> alerts, boolean streaming) {
        Map<Integer, List<AlertView>> want = new TreeMap<>();
        Map<Integer, List<AlertView>> got = new TreeMap<>();
        for (Expected alert : expected) {
            want.computeIfAbsent(scenarioOf(alert.view()), i -> new ArrayList<>())
                    .add(alert.view());
        }
        for (ObjectNode alert : alerts) {
            AlertView view = AlertView.of(alert);
            for (Expected candidate : expected) {
                if (sameInvocation(candidate.view(), view)) {
                    view = candidate.canonical(view, streaming);
                    break;
                }
            }
            got.computeIfAbsent(scenarioOf(view), i -> new ArrayList<>()).add(view);
        }
        List<Integer> disagreeing = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            List<AlertView> wanted = sorted(want.get(i));
            List<AlertView> raised = sorted(got.get(i));
            if (!wanted.equals(raised)) {
                disagreeing.add(i);
            }
        }
        got.keySet().stream().filter(i -> i < 0 || i >= batch.size()).forEach(disagreeing::add);
        if (disagreeing.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(
                disagreeing.size() + " of " + batch.size() + " scenarios disagree with the reference: " + disagreeing);
        for (int i : disagreeing.subList(0, Math.min(SHOWN, disagreeing.size()))) {
            message.append("\n\n#")
                    .append(i)
                    .append(' ')
                    .append(i >= 0 && i < batch.size() ? batch.get(i) : "(no such scenario)");
            message.append("\n  reference:");
            sorted(want.get(i)).forEach(view -> message.append("\n    ").append(view));
            message.append("\n  job:");
            sorted(got.get(i)).forEach(view -> message.append("\n    ").append(view));
        }
        throw new AssertionError(message.toString());
    }

    private static boolean sameInvocation(AlertView a, AlertView b) {
        return a.rule().equals(b.rule())
                && java.util.Objects.equals(a.subject(), b.subject())
                && a.timestamp().equals(b.timestamp())
                && java.util.Objects.equals(a.correlationId(), b.correlationId());
    }

    /** The scenario number from a host name {@code s<i>-vm<k>}; -1 for any other host. */
    private static int scenarioOf(AlertView view) {
        String host = view.host() == null ? "" : view.host();
        int dash = host.indexOf('-');
        try {
            return host.startsWith("s") && dash > 1 ? Integer.parseInt(host.substring(1, dash)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<AlertView> sorted(List<AlertView> views) {
        List<AlertView> copy = new ArrayList<>(views == null ? List.of() : views);
        copy.sort(AlertView.ORDER);
        return copy;
    }
}

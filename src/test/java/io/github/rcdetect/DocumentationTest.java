package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.config.Option;
import io.github.rcdetect.config.Options;
import io.github.rcdetect.detection.RuleMetadata;
import io.github.rcdetect.rules.registry.Rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the documentation says that the code also declares, held together: the README's rule table and the registry,
 * docs/operations.md's option table and the option declarations, citations of docs/spec.md and the sections it has.
 * The repository cites nothing outside itself.
 */
class DocumentationTest {
    private static final Pattern SPEC_CITATION = Pattern.compile("docs/spec\\.md, sections? (\\d+)(?: and (\\d+))?");

    @Test
    void theReadmesRuleTableListsTheRegistry() throws IOException {
        List<String[]> rows = tableAfter(Paths.get("README.md"), "## What it detects");
        assertThat(rows).hasSameSizeAs(Rules.ALL);
        for (int i = 0; i < rows.size(); i++) {
            RuleMetadata rule = Rules.ALL.get(i).metadata();
            assertThat(rows.get(i)[0]).isEqualTo(rule.id());
            assertThat(rows.get(i)[1]).isEqualTo(rule.name());
            assertThat(rows.get(i)[3]).startsWith("`" + rule.uuid() + "`");
        }
    }

    @Test
    void theOperationsGuideListsEveryOptionAsDeclared() throws IOException {
        List<String[]> rows = tableAfter(Paths.get("docs/operations.md"), "## Options");
        List<String> documented =
                rows.stream().map(row -> String.join(" | ", row)).toList();
        List<String> declared = new ArrayList<>();
        for (Option<?> option : Options.ALL) {
            declared.add(String.join(
                    " | ",
                    "`" + option.synopsis() + "`",
                    switch (option.scope()) {
                        case FILES -> "files";
                        case KAFKA -> "Kafka";
                        case BOTH -> "both";
                    },
                    option.isRequired() ? "required" : option.defaultText(),
                    option.help()));
        }
        assertThat(documented).containsExactlyElementsOf(declared);
    }

    @Test
    void everyCitationOfTheSpecNamesOneOfItsSections() throws IOException {
        String spec = Files.readString(Paths.get("docs/spec.md"));
        List<String> citations = new ArrayList<>();
        for (Path file : repositoryText()) {
            Matcher matcher = SPEC_CITATION.matcher(Files.readString(file));
            while (matcher.find()) {
                for (int group = 1; group <= 2; group++) {
                    if (matcher.group(group) != null) {
                        citations.add(matcher.group(group));
                        assertThat(spec)
                                .as("%s cites section %s", file, matcher.group(group))
                                .containsPattern("(?m)^## " + matcher.group(group) + "\\. ");
                    }
                }
            }
        }
        assertThat(citations).as("citations of docs/spec.md").isNotEmpty();
    }

    @Test
    void nothingCitesAPathOutsideTheRepository() throws IOException {
        for (Path file : repositoryText()) {
            assertThat(Files.readString(file))
                    .as(file.toString())
                    .doesNotContain("../shared")
                    .doesNotContain("SPEC.md")
                    .doesNotContainPattern("SPEC sections? [0-9]");
        }
    }

    @Test
    void theDocumentsTheReadmeLinksToExist() throws IOException {
        Matcher links =
                Pattern.compile("\\]\\(((?:docs|deploy)/[^)#]+)").matcher(Files.readString(Paths.get("README.md")));
        int count = 0;
        while (links.find()) {
            assertThat(Paths.get(links.group(1))).as(links.group(1)).isRegularFile();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(7);
    }

    /** The rows of the first Markdown table after a heading, cells trimmed, without the header and rule lines. */
    private static List<String[]> tableAfter(Path file, String heading) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(heading);
        assertThat(start).as("%s in %s", heading, file).isNotNegative();
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        List<String[]> rows = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).trim();
            String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].trim();
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The repository's own text: README, docs, sources, scripts, manifests. */
    private static List<Path> repositoryText() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Paths.get("README.md"), Paths.get(".ci/run")));
        for (String folder :
                List.of("docs", "src/main", "src/test/java", "src/test/resources/samples", "bin", "deploy")) {
            try (Stream<Path> walk = Files.walk(Paths.get(folder))) {
                walk.filter(Files::isRegularFile)
                        .filter(path -> !path.toString().endsWith(".class"))
                        .filter(path -> !path.endsWith("DocumentationTest.java"))
                        .forEach(files::add);
            }
        }
        return files;
    }
}

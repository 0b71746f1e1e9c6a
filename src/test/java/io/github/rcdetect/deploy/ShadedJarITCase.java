package io.github.rcdetect.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** The job jar a cluster runs (built in the package phase, checked in integration-test). */
class ShadedJarITCase {
    static final String JAR = "target/runcommand-detection.jar";

    private static JarFile jar;
    private static Set<String> entries;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(Paths.get(JAR).toFile());
        entries = new HashSet<>();
        jar.stream().forEach(entry -> entries.add(entry.getName()));
    }

    @Test
    void itsMainClassIsTheEntryPoint() throws IOException {
        assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                .isEqualTo("io.github.rcdetect.DetectionJob");
        assertThat(entries).contains("io/github/rcdetect/DetectionJob.class");
    }

    @Test
    void itBundlesWhatAFlinkClusterDoesNotProvide() {
        assertThat(entries)
                .contains(
                        "org/apache/flink/cep/CEP.class",
                        "org/apache/flink/connector/kafka/source/KafkaSource.class",
                        "org/apache/flink/connector/kafka/sink/KafkaSink.class",
                        "org/apache/kafka/clients/consumer/KafkaConsumer.class",
                        "io/github/rcdetect/shaded/com/fasterxml/jackson/databind/ObjectMapper.class");
    }

    @Test
    void itLeavesOutFlinkItselfLoggingAndUnrelocatedJackson() {
        assertThat(entries)
                .noneMatch(name -> name.startsWith("org/apache/flink/api/common/"))
                .noneMatch(name -> name.startsWith("org/apache/flink/streaming/api/environment/"))
                .noneMatch(name -> name.startsWith("org/apache/flink/runtime/"))
                .noneMatch(name -> name.startsWith("org/apache/flink/shaded/"))
                .noneMatch(name -> name.startsWith("org/slf4j/"))
                .noneMatch(name -> name.startsWith("org/apache/logging/log4j/"))
                .noneMatch(name -> name.startsWith("com/fasterxml/jackson/"));
    }

    @Test
    void itHasNoSignatureFilesOrDuplicateEntries() {
        assertThat(entries).noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)"));
        List<String> names = new ArrayList<>();
        jar.stream().map(ZipEntry::getName).forEach(names::add);
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everyServiceEntryNamesAClassInTheJar() throws IOException {
        List<String> services = entries.stream()
                .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
                .toList();
        assertThat(services).isNotEmpty();
        for (String service : services) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(jar.getInputStream(jar.getEntry(service)), StandardCharsets.UTF_8))) {
                reader.lines()
                        .map(line -> line.replaceAll("#.*", "").trim())
                        .filter(line -> !line.isEmpty())
                        .forEach(provider -> assertThat(entries)
                                .as("provider of %s", service)
                                .contains(provider.replace('.', '/') + ".class"));
            }
        }
    }
}

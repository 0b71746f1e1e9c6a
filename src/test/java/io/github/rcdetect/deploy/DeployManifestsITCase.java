package io.github.rcdetect.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.config.RunMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** deploy/ is complete enough to apply: what the operator needs, consistent with the jar and the job's options. */
class DeployManifestsITCase {
    private static final Path DEPLOYMENT = Paths.get("deploy/flinkdeployment.yaml");

    @TempDir
    Path directory;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
            assertThat(current).as(String.join(".", path) + " (at " + key + ")").isNotNull();
        }
        return (Map<String, Object>) current;
    }

    private static Map<String, Object> deployment() throws IOException {
        return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(DEPLOYMENT)));
    }

    @Test
    void theFlinkDeploymentHasWhatTheOperatorNeeds() throws IOException {
        Map<String, Object> deployment = deployment();
        assertThat(deployment.get("apiVersion")).isEqualTo("flink.apache.org/v1beta1");
        assertThat(deployment.get("kind")).isEqualTo("FlinkDeployment");
        assertThat(map(deployment, "metadata").get("name")).isEqualTo("runcommand-detection");
        Map<String, Object> spec = map(deployment, "spec");
        assertThat(spec.get("flinkVersion")).isEqualTo("v2_2");
        assertThat(spec.get("image")).asString().isNotBlank();
        assertThat(spec.get("serviceAccount")).asString().isNotBlank();
        for (String role : List.of("jobManager", "taskManager")) {
            assertThat(map(spec, role, "resource")).containsKeys("memory", "cpu");
        }
        Map<String, Object> flink = map(spec, "flinkConfiguration");
        assertThat(flink)
                .containsKeys(
                        "execution.checkpointing.dir",
                        "execution.checkpointing.savepoint-dir",
                        "high-availability.type",
                        "high-availability.storageDir",
                        "taskmanager.numberOfTaskSlots",
                        "metrics.reporter.prom.factory.class");
        assertThat((String) flink.get("execution.checkpointing.dir")).matches("(s3|abfss|gs|hdfs)://.+");
        Map<String, Object> job = map(spec, "job");
        assertThat(job.get("upgradeMode")).isEqualTo("savepoint");
        assertThat(job.get("state")).isEqualTo("running");
        assertThat(job.get("parallelism")).isInstanceOf(Number.class);
    }

    @Test
    void theEntryClassIsTheJarsMainClassAndTheImageHoldsTheJarWhereTheDeploymentLooks() throws IOException {
        Map<String, Object> job = map(deployment(), "spec", "job");
        try (JarFile jar = new JarFile(ShadedJarITCase.JAR)) {
            assertThat(job.get("entryClass"))
                    .isEqualTo(jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertThat(jar.getEntry(((String) job.get("entryClass")).replace('.', '/') + ".class"))
                    .isNotNull();
        }
        String jarUri = (String) job.get("jarURI");
        assertThat(jarUri).startsWith("local://");
        assertThat(Files.readString(Paths.get("deploy/Dockerfile")))
                .contains("COPY target/runcommand-detection.jar " + jarUri.substring("local://".length()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJobAcceptsItsArgumentsAndReadsKafkaSettingsFromTheMountedSecret() throws IOException {
        Map<String, Object> spec = map(deployment(), "spec");
        List<String> args = new ArrayList<>((List<String>) map(spec, "job").get("args"));
        int properties = args.indexOf("--kafka-properties");
        assertThat(properties).as("--kafka-properties").isNotNegative();
        Path mounted = Paths.get(args.get(properties + 1));

        Map<String, Object> podSpec = map(spec, "podTemplate", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        assertThat(container.get("name")).isEqualTo("flink-main-container");
        Map<String, Object> mount = ((List<Map<String, Object>>) container.get("volumeMounts")).get(0);
        Map<String, Object> volume = ((List<Map<String, Object>>) podSpec.get("volumes")).get(0);
        assertThat(volume.get("name")).isEqualTo(mount.get("name"));
        Map<String, Object> secret = map(volume, "secret");
        assertThat(secret.get("secretName")).isEqualTo("runcommand-kafka");
        Map<String, Object> item = ((List<Map<String, Object>>) secret.get("items")).get(0);
        assertThat(Paths.get((String) mount.get("mountPath")).resolve((String) item.get("path")))
                .isEqualTo(mounted);

        Path file = directory.resolve("kafka.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\n");
        args.set(properties + 1, file.toString());
        JobConfig config = JobConfig.fromArgs(args.toArray(String[]::new));
        assertThat(config.mode())
                .isInstanceOfSatisfying(
                        RunMode.Kafka.class,
                        kafka -> assertThat(kafka.kafka().clientProperties().getProperty("security.protocol"))
                                .isEqualTo("SASL_SSL"));
    }

    @Test
    void noSecretIsWrittenIntoTheManifests() throws IOException {
        try (Stream<Path> files = Files.list(Paths.get("deploy"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object document :
                        new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                    if ("Secret".equals(map(document).get("kind"))) {
                        assertThat(map(document)).as(file.toString()).doesNotContainKeys("data", "stringData");
                    }
                }
                assertThat(Files.readString(file))
                        .doesNotContainIgnoringCase("password=")
                        .doesNotContain("SharedAccessKey=");
            }
        }
    }
}

package io.github.rcdetect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

/** The RunAs password on the Linux handler's command line never reaches an output (docs/spec.md, section 10). */
class RunAsPasswordsTest {
    private static final String SCRIPT = "/home/alice/waagent/run-command-handler-runas/download/rc1/0/script.sh";

    @Test
    void thePasswordBetweenEchoAndSudoIsHidden() {
        assertThat(RunAsPasswords.redact("/bin/bash -c echo Hunter2! | sudo -S -u alice " + SCRIPT))
                .isEqualTo("/bin/bash -c echo [REDACTED] | sudo -S -u alice " + SCRIPT);
        assertThat(RunAsPasswords.redact("echo  'pass word'\t|sudo  -S -u alice x"))
                .isEqualTo("echo  [REDACTED]\t|sudo  -S -u alice x");
    }

    @Test
    void everyPipeHidesItsOwnAndASecretWithEchoInItStaysHidden() {
        assertThat(RunAsPasswords.redact("echo a | sudo -S x; echo b | sudo -S y"))
                .isEqualTo("echo [REDACTED] | sudo -S x; echo [REDACTED] | sudo -S y");
        assertThat(RunAsPasswords.redact("echo pre echo secret | sudo -S x")).isEqualTo("echo [REDACTED] | sudo -S x");
    }

    @Test
    void aSecretIsHiddenWhereverElseTheSameTextHoldsIt() {
        assertThat(RunAsPasswords.redact("echo Hunter2 | sudo -S -u alice " + SCRIPT + " --pass Hunter2;Hunter2"))
                .isEqualTo("echo [REDACTED] | sudo -S -u alice " + SCRIPT + " --pass [REDACTED];[REDACTED]");
        assertThat(RunAsPasswords.redact("echo aa | sudo -S x aaa baab"))
                .as("overlapping and touching occurrences are one placeholder")
                .isEqualTo("echo [REDACTED] | sudo -S x [REDACTED] b[REDACTED]b");
        assertThat(RunAsPasswords.redact("echo hi; echo Hunter2 | sudo -S -u alice x Hunter2"))
                .as("the password after a later echo of the hidden text")
                .isEqualTo("echo [REDACTED] | sudo -S -u alice x [REDACTED]");
    }

    @Test
    void aSecretIsHiddenInEveryArgument() {
        assertThat(RunAsPasswords.redact(new String[] {"echo", "pw1", "|", "sudo", "-S", SCRIPT, "pw1"}))
                .containsExactly("echo", "[REDACTED]", "|", "sudo", "-S", SCRIPT, "[REDACTED]");
        assertThat(RunAsPasswords.redact(new String[] {"/bin/bash", "-c", "echo pw2 | sudo -S -u alice x", "--pw2--"}))
                .containsExactly("/bin/bash", "-c", "echo [REDACTED] | sudo -S -u alice x", "--[REDACTED]--");
        assertThat(RunAsPasswords.redact(new String[] {"echo", "", null, "|", "sudo", "-S"}))
                .as("nothing to hide in an empty or missing argument")
                .containsExactly("echo", "", null, "|", "sudo", "-S");
    }

    @Test
    void aSecretIsHiddenWhereverElseAJsonRecordHoldsIt() {
        String json = "{\"process\":{\"command_line\":\"echo pw3 | sudo -S x\",\"args\":[\"pw3\"]}}";
        assertThat(new String(RunAsPasswords.redactJson(bytes(json), false), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"process\":{\"command_line\":\"echo [REDACTED] | sudo -S x\",\"args\":[\"[REDACTED]\"]}}");
    }

    /** Text with more secrets than are searched for is hidden whole, in time linear in it. */
    @Test
    void manySecretsHideAll() {
        StringBuilder text = new StringBuilder("run ");
        for (int i = 0; i <= RunAsPasswords.MAX_SECRETS_SEARCHED; i++) {
            text.append("echo s").append(i).append(" | sudo -S x; ");
        }
        assertThat(RunAsPasswords.redact(text.toString())).isEqualTo("[REDACTED]");
        assertThat(RunAsPasswords.redact(new String[] {"id", text.toString()}))
                .containsExactly("[REDACTED]", "[REDACTED]");
    }

    /** A long secret searched for in text made to look like it: linear, so this finishes at once. */
    @Test
    void aLongSecretIsSearchedForInLinearTime() {
        String secret = "a".repeat(200_000) + "b";
        String rest = " " + "a".repeat(400_000);
        assertThat(RunAsPasswords.redact("echo " + secret + " | sudo -S" + rest))
                .isEqualTo("echo [REDACTED] | sudo -S" + rest);
    }

    @Test
    void textWithoutThePipeIsTheSameObject() {
        String text = "echo hello; sudo -S true";
        assertThat(RunAsPasswords.redact(text)).isSameAs(text);
        String[] args = {"/bin/bash", "-c", "id"};
        assertThat(RunAsPasswords.redact(args)).isSameAs(args);
        assertThat(RunAsPasswords.redact((String) null)).isNull();
        assertThat(RunAsPasswords.redact("echo | sudo -S x"))
                .as("nothing between")
                .isEqualTo("echo | sudo -S x");
    }

    @Test
    void argumentsAreHiddenWithinAndAcrossElements() {
        assertThat(RunAsPasswords.redact(new String[] {"/bin/bash", "-c", "echo pw1 | sudo -S -u alice " + SCRIPT}))
                .containsExactly("/bin/bash", "-c", "echo [REDACTED] | sudo -S -u alice " + SCRIPT);
        assertThat(RunAsPasswords.redact(new String[] {"echo", "pw", "2", "|", "sudo", "-S", "-u", "alice"}))
                .containsExactly("echo", "[REDACTED]", "[REDACTED]", "|", "sudo", "-S", "-u", "alice");
    }

    @Test
    void jsonTextIsHiddenWithItsEscapesAndStaysJson() {
        String json = "{\"process\":{\"command_line\":\"echo p\\\"w\\u0041\\\\ | sudo -S -u alice x\"}}";
        String redacted = new String(RunAsPasswords.redactJson(bytes(json), false), StandardCharsets.UTF_8);
        assertThat(redacted).isEqualTo("{\"process\":{\"command_line\":\"echo [REDACTED] | sudo -S -u alice x\"}}");
        String tabs = "{\"a\":\"echo\\tpw\\t|\\tsudo\\t-S\"}";
        assertThat(new String(RunAsPasswords.redactJson(bytes(tabs), false), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"echo\\t[REDACTED]|\\tsudo\\t-S\"}");
    }

    @Test
    void aRecordCutInsideTheSecretHidesTheRestOfTheString() {
        String cut = "{\"process\":{\"command_line\":\"echo Hunter";
        assertThat(new String(RunAsPasswords.redactJson(bytes(cut), true), StandardCharsets.UTF_8))
                .isEqualTo("{\"process\":{\"command_line\":\"echo [REDACTED]");
        String ended = "{\"a\":\"echo hello\",\"b\":\"x";
        assertThat(RunAsPasswords.redactJson(bytes(ended), true))
                .as("the echo's string ended")
                .isEqualTo(bytes(ended));
        assertThat(RunAsPasswords.redactJson(bytes(cut), false))
                .as("not cut: no pipe, no secret")
                .isEqualTo(bytes(cut));
    }

    @Test
    void bytesThatAreNotUtf8SurviveAsTheyAre() {
        byte[] original = {
            'e',
            'c',
            'h',
            'o',
            ' ',
            (byte) 0xff,
            (byte) 0xc3,
            ' ',
            '|',
            ' ',
            's',
            'u',
            'd',
            'o',
            ' ',
            '-',
            'S',
            ' ',
            (byte) 0x80
        };
        assertThat(RunAsPasswords.redactJson(original, false)).isEqualTo(new byte[] {
            'e',
            'c',
            'h',
            'o',
            ' ',
            '[',
            'R',
            'E',
            'D',
            'A',
            'C',
            'T',
            'E',
            'D',
            ']',
            ' ',
            '|',
            ' ',
            's',
            'u',
            'd',
            'o',
            ' ',
            '-',
            'S',
            ' ',
            (byte) 0x80
        });
    }

    /** Hostile text of many echoes and pipes is one pass: this finishes at once rather than in quadratic time. */
    @Test
    void manyEchoesAndPipesAreOnePass() {
        String hostile = "echo ".repeat(200_000) + "| sudo -S ".repeat(200_000);
        String redacted = RunAsPasswords.redact(hostile);
        assertThat(redacted)
                .as("each later echo starts another secret: more than are searched for")
                .isEqualTo("[REDACTED]");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

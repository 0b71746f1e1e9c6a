package io.github.rcdetect.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the RunAs password the managed Run Command handler puts on a command line (docs/spec.md, section 10): on Linux
 * it runs {@code bash -c "echo <password> | sudo -S -u <user> <script>"}. Whatever stands between {@code echo} and
 * {@code | sudo -S} becomes {@link #REDACTED}, wherever the job writes text from a record: alerts, dead letters, late
 * records, logs; so does every other occurrence of that secret in the same text (or the same arguments), since a script
 * may be handed its password again. It errs towards hiding: any {@code echo ... | sudo -S} is treated so, whoever wrote
 * it.
 */
public final class RunAsPasswords {
    public static final String REDACTED = "[REDACTED]";

    /**
     * The distinct secrets one text (or argument list) may hold before all of it is hidden instead: a handler's line
     * holds one, and searching for each of thousands of secrets would make hostile text cost its length squared.
     */
    static final int MAX_SECRETS_SEARCHED = 16;

    /**
     * The pipe: {@code |}, blanks, {@code sudo}, blanks, {@code -S}. The blanks before the pipe are stepped over by
     * hand: a pattern that began with them would try every blank of a long run again.
     */
    private static final Pattern TO_SUDO = Pattern.compile("\\|\\s*sudo\\s+-S");
    /** {@code echo} as a word, and the blanks after it: what follows is the secret. */
    private static final Pattern ECHO = Pattern.compile("\\becho\\s+");

    /**
     * The same in the JSON text of a record, where a blank may be written as an escape ({@code \t}, {@code \n},
     * {@code \r}, {@code \u0020}).
     */
    private static final String JSON_BLANK = "(?:\\s|\\\\[tnr]|\\\\u0020)";

    private static final Pattern TO_SUDO_IN_JSON = Pattern.compile("\\|" + JSON_BLANK + "*sudo" + JSON_BLANK + "+-S");
    private static final Pattern ECHO_IN_JSON = Pattern.compile("\\becho" + JSON_BLANK + "+");

    private RunAsPasswords() {}

    /** The text with every RunAs password replaced; the same object when there is none. */
    public static String redact(String text) {
        return text == null || !mayHoldOne(text) ? text : redact(text, ECHO, TO_SUDO);
    }

    /**
     * Arguments with every RunAs password replaced, within an argument and across arguments ({@code echo},
     * {@code <password>}, {@code |}, {@code sudo}, {@code -S}, as a tokenizer would split the line); the same array when
     * there is none.
     */
    public static String[] redact(String[] args) {
        if (args == null) {
            return null;
        }
        Set<String> secrets = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg != null && mayHoldOne(arg)) {
                addSecrets(arg, ECHO, TO_SUDO, secrets);
            }
        }
        for (int echo = 0; echo < args.length; echo++) {
            if (!"echo".equals(args[echo])) {
                continue;
            }
            for (int pipe = echo + 2; pipe + 2 < args.length; pipe++) {
                if ("|".equals(args[pipe]) && "sudo".equals(args[pipe + 1]) && "-S".equals(args[pipe + 2])) {
                    for (String secret : Arrays.asList(args).subList(echo + 1, pipe)) {
                        if (secret != null && !secret.isEmpty()) {
                            secrets.add(secret);
                        }
                    }
                    break;
                }
            }
        }
        if (secrets.isEmpty()) {
            return args;
        }
        String[] redacted = args.clone();
        for (int i = 0; i < redacted.length; i++) {
            redacted[i] = redacted[i] == null ? null : hide(redacted[i], secrets);
        }
        return redacted;
    }

    /**
     * The bytes of a JSON record (UTF-8, possibly cut short) with every RunAs password in its strings replaced; the
     * same array when there is none. Read as ISO-8859-1, one char per byte, so bytes that are not UTF-8 survive as
     * they are. When the bytes were cut from a longer record ({@code truncated}), the cut may have fallen inside a
     * secret whose pipe to {@code sudo} was cut off: an {@code echo} whose string runs on to the cut hides all after it.
     */
    public static byte[] redactJson(byte[] json, boolean truncated) {
        if (json == null) {
            return null;
        }
        String text = new String(json, StandardCharsets.ISO_8859_1);
        boolean mayHoldOne = mayHoldOne(text) || truncated && text.contains("echo");
        if (!mayHoldOne) {
            return json;
        }
        String redacted = redact(text, ECHO_IN_JSON, TO_SUDO_IN_JSON);
        if (truncated) {
            redacted = hideCutSecret(redacted);
        }
        return redacted.equals(text) ? json : redacted.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Everything after the last {@code echo} when no string end (an unescaped quote) follows it before the cut. */
    private static String hideCutSecret(String text) {
        Matcher echoes = ECHO_IN_JSON.matcher(text);
        int lastEnd = -1;
        while (echoes.find()) {
            lastEnd = echoes.end();
        }
        if (lastEnd < 0 || lastEnd == text.length() || text.startsWith(REDACTED, lastEnd)) {
            return text;
        }
        for (int i = lastEnd; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return text;
            }
        }
        return text.substring(0, lastEnd) + REDACTED;
    }

    /** A cheap test before any regular expression runs: most text holds no {@code sudo} at all. */
    private static boolean mayHoldOne(String text) {
        return text.contains("sudo") && text.contains("echo");
    }

    /**
     * Adds the secrets of a text: what lies between each pipe to {@code sudo -S} and the first {@code echo} after the
     * previous one (the earliest echo, so that nothing of a secret with blanks in it is left out), without the blanks
     * before the pipe; and what follows each later echo in it. One pass over the text: each search starts where the
     * last one ended, so hostile text with many echoes or pipes costs no more than its length. Stops once there are
     * more than {@link #MAX_SECRETS_SEARCHED}.
     */
    private static void addSecrets(String text, Pattern echo, Pattern toSudo, Set<String> secrets) {
        Matcher pipe = toSudo.matcher(text);
        Matcher echoes = echo.matcher(text).useTransparentBounds(true);
        boolean echoFound = echoes.find(0);
        while (echoFound && pipe.find() && secrets.size() <= MAX_SECRETS_SEARCHED) {
            if (echoes.end() >= pipe.start()) {
                continue;
            }
            int secretEnd = pipe.start();
            while (secretEnd > echoes.end() + 1 && Character.isWhitespace(text.charAt(secretEnd - 1))) {
                secretEnd--;
            }
            secrets.add(text.substring(echoes.end(), secretEnd));
            // What follows a later echo in it may be the password alone, and is looked for elsewhere too.
            Matcher inner = echo.matcher(text).useTransparentBounds(true).region(echoes.end(), secretEnd);
            while (inner.find() && inner.end() < secretEnd && secrets.size() <= MAX_SECRETS_SEARCHED) {
                secrets.add(text.substring(inner.end(), secretEnd));
            }
            echoFound = pipe.end() < text.length() && echoes.find(pipe.end());
        }
    }

    private static String redact(String text, Pattern echo, Pattern toSudo) {
        Set<String> secrets = new LinkedHashSet<>();
        addSecrets(text, echo, toSudo, secrets);
        return hide(text, secrets);
    }

    /**
     * The text with every occurrence of every secret replaced, overlapping or touching ones by one {@link #REDACTED};
     * all of it when there are more than {@link #MAX_SECRETS_SEARCHED} secrets. The same object when none occurs.
     */
    private static String hide(String text, Set<String> secrets) {
        if (secrets.size() > MAX_SECRETS_SEARCHED) {
            return REDACTED;
        }
        List<int[]> hidden = new ArrayList<>();
        for (String secret : secrets) {
            occurrences(text, secret, hidden);
        }
        if (hidden.isEmpty()) {
            return text;
        }
        hidden.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        int end = -1;
        for (int[] span : hidden) {
            if (span[0] > end) {
                out.append(text, done, span[0]).append(REDACTED);
            }
            end = Math.max(end, span[1]);
            done = end;
        }
        return out.append(text, done, text.length()).toString();
    }

    /**
     * Adds where the secret occurs in the text, found by Knuth-Morris-Pratt: linear in both, since a hostile text can
     * make a naive search compare most of a long secret at every position.
     */
    private static void occurrences(String text, String secret, List<int[]> found) {
        int[] fallback = new int[secret.length()];
        for (int i = 1, k = 0; i < secret.length(); i++) {
            while (k > 0 && secret.charAt(i) != secret.charAt(k)) {
                k = fallback[k - 1];
            }
            if (secret.charAt(i) == secret.charAt(k)) {
                k++;
            }
            fallback[i] = k;
        }
        for (int i = 0, k = 0; i < text.length(); i++) {
            while (k > 0 && text.charAt(i) != secret.charAt(k)) {
                k = fallback[k - 1];
            }
            if (text.charAt(i) == secret.charAt(k)) {
                k++;
            }
            if (k == secret.length()) {
                found.add(new int[] {i + 1 - k, i + 1});
                k = fallback[k - 1];
            }
        }
    }
}

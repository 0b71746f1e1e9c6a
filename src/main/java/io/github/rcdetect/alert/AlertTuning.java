package io.github.rcdetect.alert;

import io.github.rcdetect.alert.exceptions.Exceptions;
import io.github.rcdetect.alert.suppression.RuleSettings;

import java.io.Serializable;

/**
 * How a SOC tunes the alerts (docs/spec.md, sections 11 and 12): exception items, the rules' settings, and whether
 * suppressed groups leave once with their final figures (a bounded run) or first at once and then as an update (a
 * stream).
 */
public record AlertTuning(Exceptions exceptions, RuleSettings settings, boolean finalFiguresOnly)
        implements Serializable {
    public static AlertTuning none(boolean finalFiguresOnly) {
        return new AlertTuning(Exceptions.none(), RuleSettings.none(), finalFiguresOnly);
    }
}

package org.personaworkbench.app.experiments;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.Formats;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The power calculator under a readout: from the control's baseline (its conversion rate, or the metric's standard
 * deviation for a metric-only test) and the editable two-sided α and power, the smallest detectable effect for a
 * number of users per arm and the users per arm for an effect, both recomputed on every edit. The effect is typed
 * in percentage points for conversion and in the metric's units otherwise. Invalid input gives a message, never an
 * exception. The engine's power formulas are arithmetic (microseconds), so they run on the UI thread.
 */
public final class PowerCalculator {

    private final Engine engine;
    private final StringProperty alpha = new SimpleStringProperty(this, "alpha", "0.05");
    private final StringProperty power = new SimpleStringProperty(this, "power", "0.8");
    private final StringProperty users = new SimpleStringProperty(this, "users", "");
    private final StringProperty effect = new SimpleStringProperty(this, "effect", "");
    private final ReadOnlyStringWrapper baselineText = new ReadOnlyStringWrapper(this, "baselineText", "");
    private final ReadOnlyStringWrapper mdeResult = new ReadOnlyStringWrapper(this, "mdeResult", "");
    private final ReadOnlyStringWrapper usersResult = new ReadOnlyStringWrapper(this, "usersResult", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private boolean conversion = true;
    private double baseline = Double.NaN;
    private double mde = Double.NaN;
    private long usersNeeded = -1;

    public PowerCalculator(Engine engine) {
        this.engine = engine;
        alpha.addListener((obs, old, now) -> recompute());
        power.addListener((obs, old, now) -> recompute());
        users.addListener((obs, old, now) -> recompute());
        effect.addListener((obs, old, now) -> recompute());
    }

    /**
     * Starts from a readout's baseline: a conversion rate (conversion true) or a metric's standard deviation; the
     * users field starts at {@code controlUsers} and the effect at a tenth of the rate (or of the sd).
     */
    public void setBaseline(boolean conversion, double value, long controlUsers) {
        this.conversion = conversion;
        this.baseline = value;
        baselineText.set(!Double.isFinite(value) ? ""
                : conversion ? tr("experiments.power.baseline.rate", ExperimentFormats.rate(value))
                : tr("experiments.power.baseline.sd", Formats.number(value)));
        double tenth = conversion ? value * 100 * 0.1 : value * 0.1;
        effect.set(Double.isFinite(tenth) && tenth > 0 ? ExperimentFormats.decimals(tenth, 2) : "");
        users.set(controlUsers > 0 ? Long.toString(controlUsers) : "");
        recompute();
    }

    /** Forgets the baseline (no readout). */
    public void clear() {
        baseline = Double.NaN;
        baselineText.set("");
        mdeResult.set("");
        usersResult.set("");
        message.set("");
    }

    public StringProperty alphaProperty() {
        return alpha;
    }

    public StringProperty powerProperty() {
        return power;
    }

    /** Users per arm (input of "users per arm → MDE"). */
    public StringProperty usersProperty() {
        return users;
    }

    /** The effect (input of "MDE → users per arm"): percentage points for conversion, else metric units. */
    public StringProperty effectProperty() {
        return effect;
    }

    /** "Baseline: control converts 10.02%" or "Baseline: metric sd 18.3". */
    public ReadOnlyStringProperty baselineTextProperty() {
        return baselineText.getReadOnlyProperty();
    }

    /** "MDE 1.71 points (17.1% relative)" for the users typed, or "". */
    public ReadOnlyStringProperty mdeResultProperty() {
        return mdeResult.getReadOnlyProperty();
    }

    /** "31,234 users per arm (62,468 in all)" for the effect typed, or "". */
    public ReadOnlyStringProperty usersResultProperty() {
        return usersResult.getReadOnlyProperty();
    }

    /** What is wrong with the input, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the effect is in points (conversion) rather than the metric's units. */
    public boolean conversion() {
        return conversion;
    }

    /** The last minimum detectable effect (a rate difference 0..1 or metric units), NaN when none. */
    public double mde() {
        return mde;
    }

    /** The last users per arm needed, −1 when none. */
    public long usersNeeded() {
        return usersNeeded;
    }

    private void recompute() {
        mde = Double.NaN;
        usersNeeded = -1;
        mdeResult.set("");
        usersResult.set("");
        if (!Double.isFinite(baseline)) {
            message.set("");
            return;
        }
        double a = number(alpha.get());
        double pw = number(power.get());
        if (!(a > 0 && a < 1)) {
            message.set(tr("experiments.power.badAlpha"));
            return;
        }
        if (!(pw > 0 && pw < 1)) {
            message.set(tr("experiments.power.badPower"));
            return;
        }
        StringBuilder problems = new StringBuilder();
        double n = number(users.get());
        if (n >= 2 && n == Math.rint(n)) {
            try {
                mde = conversion ? engine.minimumDetectableEffect(baseline, (long) n, a, pw)
                        : engine.minimumDetectableMeanDifference(baseline, (long) n, a, pw);
                mdeResult.set(conversion
                        ? tr("experiments.power.mde.points", ExperimentFormats.decimals(mde * 100, 2),
                        ExperimentFormats.relative(mde / baseline))
                        : tr("experiments.power.mde.units", Formats.number(mde)));
            } catch (IllegalArgumentException e) {
                problems.append(e.getMessage());
            }
        } else {
            problems.append(tr("experiments.power.badUsers"));
        }
        double typed = number(effect.get());
        double delta = conversion ? typed / 100 : typed;
        if (typed > 0 && Double.isFinite(typed)) {
            try {
                usersNeeded = conversion ? engine.usersPerArm(baseline, delta, a, pw)
                        : engine.usersPerArmForMean(baseline, delta, a, pw);
                usersResult.set(tr("experiments.power.users.result", Formats.count(usersNeeded),
                        Formats.count(2 * usersNeeded)));
            } catch (IllegalArgumentException e) {
                append(problems, e.getMessage());
            }
        } else {
            append(problems, tr("experiments.power.badEffect"));
        }
        message.set(problems.toString());
    }

    private static void append(StringBuilder problems, String text) {
        if (!problems.isEmpty()) {
            problems.append(' ');
        }
        problems.append(text);
    }

    /** The whole text as a number in the default locale (or with a dot), NaN when it is not one. */
    static double number(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        String t = text.strip().replace("\u00a0", "");
        for (Locale locale : new Locale[] {Locale.getDefault(), Locale.ROOT}) {
            ParsePosition at = new ParsePosition(0);
            Number n = NumberFormat.getNumberInstance(locale).parse(t, at);
            if (n != null && at.getIndex() == t.length()) {
                return n.doubleValue();
            }
        }
        return Double.NaN;
    }
}

package org.personaworkbench.app.common;

import org.personaworkbench.engine.personas.ActionableGoal;
import org.personaworkbench.engine.personas.ContentRow;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.PersonaFigures;
import org.personaworkbench.engine.personas.StickyNote;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.FeatureTest;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Four personas that look like a K-Means k = 4 run on the RFM features of UCI Online Retail (4,338 customers):
 * champions, loyal regulars, new buyers and lapsed one-timers, with figures, traits, content maps and profiles
 * whose means, lifts and effect sizes agree with each other. For the Personas step's tests and screenshots.
 */
public final class FakePersonas {

    public static final String RUN = "rfm-k4";
    public static final int CUSTOMERS = 4_338;
    private static final Instant AT = Instant.parse("2026-11-20T11:00:00Z");

    /** Features profiled, their standard deviations over all customers. */
    private static final String[] FEATURES = {"recency_days", "frequency", "monetary", "average_order_value",
        "tenure_days"};
    private static final double[] SD = {100.0, 7.7, 8_990, 245, 118};
    /** Per segment: size and the means of {@link #FEATURES}. */
    private static final int[] SIZES = {412, 1_143, 1_521, 1_262};
    private static final double[][] MEANS = {
        {9, 24.6, 11_240, 489.5, 338},
        {31, 6.1, 2_210, 371.2, 290},
        {42, 2.2, 640, 298.4, 61},
        {241, 1.3, 305, 236.9, 252},
    };

    private FakePersonas() {
    }

    /** Puts the run, its four drafted personas and their profiles into the fake engine. */
    public static void install(FakeEngine engine) {
        engine.savedRuns.add(run());
        engine.personaDrafts.put(RUN, personas());
        engine.runProfileMap.put(RUN, profiles());
    }

    public static SegmentationRunInfo run() {
        return new SegmentationRunInfo(RUN, "rfm", "v1", "hash", "kmeans", "{}", 42, 4, CUSTOMERS, "{}", "{}", AT);
    }

    public static List<Persona> personas() {
        return List.of(
                persona(0, "Champion wholesalers", "Buy every fortnight in bulk and bring half the revenue.",
                        ActionableGoal.RETAIN, "#2e7d6b",
                        new PersonaFigures(412, 412.0 / CUSTOMERS, 0.476, 489.5, 9, 24.6,
                                List.of("Home décor", "Kitchen", "Gift wrap")),
                        List.of("5.1× more orders than average", "bought 9 days ago (others: 102)",
                                "4.2× higher spend than average"),
                        "I order the moment the new catalogue is out — don’t make me wait for stock.",
                        List.of(new ContentRow("Early-access catalogue", "New season first, before everyone",
                                "Email"),
                                new ContentRow("Account manager call", "Volume pricing and delivery slots",
                                        "Phone"))),
                persona(1, "Loyal regulars", "Come back every month for a steady mid-size basket.",
                        ActionableGoal.UPSELL, "#3f6fb5",
                        new PersonaFigures(1_143, 1_143.0 / CUSTOMERS, 0.259, 371.2, 31, 6.1,
                                List.of("Kitchen", "Stationery", "Home décor")),
                        List.of("1.3× more orders than average", "bought 31 days ago (others: 108)",
                                "spends 1.2× more per order"),
                        "If you bundle the things I always buy, I’ll take the bigger box.",
                        List.of(new ContentRow("Bundle offer", "Their usual basket, one size up", "Email"))),
                persona(2, "New promising buyers", "Joined in the last two months and bought twice.",
                        ActionableGoal.ONBOARD, "#b5833c",
                        new PersonaFigures(1_521, 1_521.0 / CUSTOMERS, 0.100, 298.4, 42, 2.2,
                                List.of("Gift wrap", "Christmas")),
                        List.of("tenure 61 days (others: 296)", "0.5× the orders of others"),
                        "I liked the first order — show me what else you have.",
                        List.of(new ContentRow("Welcome series", "Best sellers in their first category",
                                "Email"),
                                new ContentRow("How-to video", "Styling ideas for the home", "Paid social"))),
                persona(3, "Lapsed one-timers", "Bought once or twice, long ago, and never came back.",
                        ActionableGoal.WIN_BACK, "#b5543c",
                        new PersonaFigures(1_262, 1_262.0 / CUSTOMERS, 0.165, Double.NaN, 241, 1.3, List.of()),
                        List.of("bought 241 days ago (others: 34)", "0.2× the orders of others",
                                "0.1× the spend of others"),
                        "",
                        List.of()));
    }

    private static Persona persona(int segment, String name, String summary, ActionableGoal goal, String color,
                                   PersonaFigures figures, List<String> traits, String quote,
                                   List<ContentRow> content) {
        List<StickyNote> notes = segment == 0
                ? List.of(new StickyNote("Invite to the spring preview day", AT.plusSeconds(60)))
                : List.of();
        return new Persona(RUN, segment, name, summary,
                "Customers of segment " + segment + " in run " + RUN + ".", "Find what they need quickly.",
                "Out-of-stock items and slow delivery.", "Email", quote, goal, color, figures, traits, content,
                notes, AT);
    }

    /** Profiles consistent with the sizes and means: others' means, lift, Cohen's d and tiny p-values. */
    public static SegmentProfiles profiles() {
        List<SegmentProfile> segments = new ArrayList<>();
        for (int s = 0; s < SIZES.length; s++) {
            List<FeatureComparison> features = new ArrayList<>();
            for (int f = 0; f < FEATURES.length; f++) {
                double others = othersMean(s, f);
                double mean = MEANS[s][f];
                double d = (mean - others) / SD[f];
                double z = Math.abs(d) * Math.sqrt(SIZES[s] * (CUSTOMERS - SIZES[s]) / (double) CUSTOMERS);
                double p = Math.min(1, 2 * Math.exp(-z * z / 2) / Math.max(1, z * Math.sqrt(2 * Math.PI)));
                double q = Math.min(1, p * 20.0 / (f + 1));
                features.add(new FeatureComparison(FEATURES[f], mean, mean * 0.9, others, others * 0.9,
                        mean / others, d, p, q));
            }
            segments.add(new SegmentProfile(s, SIZES[s], SIZES[s] / (double) CUSTOMERS, features,
                    personas().get(s).traits(), null));
        }
        List<FeatureTest> tests = new ArrayList<>();
        for (String f : FEATURES) {
            tests.add(new FeatureTest(f, "Kruskal–Wallis", 1200, 1e-200, 1e-199, true));
        }
        return new SegmentProfiles(CUSTOMERS, tests, segments);
    }

    private static double othersMean(int segment, int feature) {
        double sum = 0;
        long n = 0;
        for (int s = 0; s < SIZES.length; s++) {
            if (s != segment) {
                sum += MEANS[s][feature] * SIZES[s];
                n += SIZES[s];
            }
        }
        return sum / n;
    }
}

package org.personaworkbench.app.personas;

import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * Two or more personas side by side: one column per persona, one row per figure, the goal, the top traits and
 * the segment mean of every profiled feature.
 *
 * @param personas the compared personas, in segment order
 * @param rows     the rows, each with one value per persona
 */
public record PersonaComparison(List<Persona> personas, List<Row> rows) {

    /** One compared figure: its label, what it means (for a tooltip) and one text per persona. */
    public record Row(String label, String tip, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    public PersonaComparison {
        personas = List.copyOf(personas);
        rows = List.copyOf(rows);
    }

    /** Builds the comparison of {@code personas} with the means from the run's profiles (may be null). */
    static PersonaComparison of(List<Persona> personas, SegmentProfiles profiles) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(personas, key("personas.figure.size"), key("personas.tip.size"), p -> FigureText.size(p.figures())));
        rows.add(row(personas, key("personas.figure.customerShare"), key("personas.tip.customerShare"),
                p -> FigureText.customerShare(p.figures())));
        rows.add(row(personas, key("personas.figure.revenueShare"), key("personas.tip.revenueShare"),
                p -> FigureText.revenueShare(p.figures())));
        rows.add(row(personas, key("personas.figure.aov"), key("personas.tip.aov"),
                p -> FigureText.averageOrderValue(p.figures())));
        rows.add(row(personas, key("personas.figure.recency"), key("personas.tip.recency"),
                p -> FigureText.recency(p.figures())));
        rows.add(row(personas, key("personas.figure.orders"), key("personas.tip.orders"), p -> FigureText.orders(p.figures())));
        rows.add(new Row(personas.isEmpty() ? tr("personas.figure.categories")
                : FigureText.categoriesHeading(personas.getFirst().figures()), tr("personas.tip.categories"),
                personas.stream().map(p -> FigureText.topCategories(p.figures())).toList()));
        rows.add(row(personas, key("personas.field.goal"), key("personas.tip.goal"), p -> GoalText.label(p.goal())));
        for (int i = 0; i < 3; i++) {
            int n = i;
            rows.add(new Row(tr("personas.compare.trait", n + 1), tr("personas.tip.trait"), personas.stream()
                    .map(p -> p.traits().size() > n ? p.traits().get(n) : FigureText.NONE).toList()));
        }
        if (profiles != null) {
            Set<String> features = new LinkedHashSet<>();
            profiles.segments().forEach(s -> s.features().forEach(f -> features.add(f.feature())));
            for (String feature : features) {
                rows.add(new Row(tr("personas.compare.mean", feature), tr("personas.tip.compareMean"),
                        personas.stream().map(p -> comparison(profiles, p.segment(), feature)
                                .map(f -> FigureText.number(f.mean())).orElse(FigureText.NONE)).toList()));
            }
        }
        return new PersonaComparison(personas, rows);
    }

    private static Row row(List<Persona> personas, String labelKey, String tipKey, Function<Persona, String> value) {
        return new Row(tr(labelKey), tr(tipKey), personas.stream().map(value).toList());
    }

    private static Optional<FeatureComparison> comparison(SegmentProfiles profiles, int segment, String feature) {
        return profiles.segments().stream().filter(s -> s.segment() == segment).findFirst()
                .map(SegmentProfile::features).orElse(List.of()).stream()
                .filter(f -> f.feature().equals(feature)).findFirst();
    }
}

package org.personaworkbench.app.personas;

import org.personaworkbench.app.common.Formats;
import org.personaworkbench.engine.personas.PersonaFigures;

import java.text.NumberFormat;
import java.util.Locale;

import static org.personaworkbench.app.common.I18n.tr;

/** A persona's key figures as text for cards, the comparison and workshop mode: "—" where a figure is unknown. */
public final class FigureText {

    /** Shown for a figure the data does not have. */
    public static final String NONE = "—";

    private FigureText() {
    }

    public static String size(PersonaFigures f) {
        return Formats.count(f.size());
    }

    public static String customerShare(PersonaFigures f) {
        return share(f.customerShare());
    }

    public static String revenueShare(PersonaFigures f) {
        return share(f.revenueShare());
    }

    public static String averageOrderValue(PersonaFigures f) {
        return money(f.averageOrderValue());
    }

    public static String recency(PersonaFigures f) {
        return Double.isFinite(f.recencyDays()) ? tr("personas.figure.days", Math.round(f.recencyDays())) : NONE;
    }

    public static String orders(PersonaFigures f) {
        return Double.isFinite(f.ordersPerCustomer()) ? Formats.number(f.ordersPerCustomer()) : NONE;
    }

    /** "Top categories", or "Top country" when the categories are the values of a column called Country. */
    public static String categoriesHeading(PersonaFigures f) {
        String field = f.categoryField().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return PersonaFigures.CATEGORY.equals(field) ? tr("personas.figure.categories")
                : tr("personas.figure.categoriesOf", field);
    }

    public static String topCategories(PersonaFigures f) {
        return f.topCategories().isEmpty() ? NONE : String.join(", ", f.topCategories());
    }

    /** A share in [0, 1] as a percentage, or "—". */
    public static String share(double value) {
        return Double.isFinite(value) ? Formats.percent(value) : NONE;
    }

    /** An amount with two decimals and grouping, or "—" (the data has no currency: none is shown). */
    public static String money(double value) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.getDefault(Locale.Category.FORMAT));
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    /** A mean or other measurement, or "—". */
    public static String number(double value) {
        return Double.isFinite(value) ? Formats.number(value) : NONE;
    }

    /** A p- or q-value: three significant digits, "< 0.0001" below that, "—" when unknown. */
    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return NONE;
        }
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return String.format(Locale.ROOT, p < 0.01 ? "%.4f" : "%.3f", p);
    }
}

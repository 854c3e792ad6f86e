package org.personaworkbench.app.recommendations;

import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.FeedbackKind;

import static org.personaworkbench.app.common.I18n.tr;

/** The names analysts read for strategies and feedback kinds. */
public final class StrategyNames {

    private StrategyNames() {
    }

    public static String of(Algorithm algorithm) {
        return switch (algorithm) {
            case POPULARITY -> tr("recommendations.algorithm.popularity");
            case ITEM_KNN -> tr("recommendations.algorithm.itemknn");
            case USER_KNN -> tr("recommendations.algorithm.userknn");
            case ALS -> tr("recommendations.algorithm.als");
            case CONTENT -> tr("recommendations.algorithm.content");
            case HYBRID -> tr("recommendations.algorithm.hybrid");
        };
    }

    /** One sentence on how the strategy ranks (a tooltip). */
    public static String about(Algorithm algorithm) {
        return switch (algorithm) {
            case POPULARITY -> tr("recommendations.algorithm.popularity.about");
            case ITEM_KNN -> tr("recommendations.algorithm.itemknn.about");
            case USER_KNN -> tr("recommendations.algorithm.userknn.about");
            case ALS -> tr("recommendations.algorithm.als.about");
            case CONTENT -> tr("recommendations.algorithm.content.about");
            case HYBRID -> tr("recommendations.algorithm.hybrid.about");
        };
    }

    public static String of(FeedbackKind kind) {
        return switch (kind) {
            case IMPLICIT_COUNT -> tr("recommendations.feedback.count");
            case IMPLICIT_RECENCY -> tr("recommendations.feedback.recency");
            case EXPLICIT -> tr("recommendations.feedback.explicit");
        };
    }
}

package org.personaworkbench.engine.features;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link RfmFeatures#build} computes and where it saves it.
 *
 * @param dataset          the transactions dataset to read (needs customer id and timestamp roles, and an
 *                         amount role or quantity and price roles)
 * @param featureSet       the name to save the feature set under (also the name of the dataset holding its values)
 * @param referenceDate    the day recency is measured to (at midnight); null means the day after the last
 *                         timestamp in the whole dataset, as the usual pandas recipe does
 * @param excludeCancelled true (the default) to leave cancelled lines out of recency, frequency and monetary:
 *                         a line is cancelled when its order id starts with {@code C} or its quantity is negative.
 *                         They are always counted for {@code returns_share}.
 */
public record RfmOptions(String dataset, String featureSet, LocalDate referenceDate, boolean excludeCancelled) {

    public RfmOptions {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(featureSet, "featureSet");
    }

    /** Options reading {@code dataset} into a feature set named {@code featureSet}, with every default. */
    public static RfmOptions defaults(String dataset, String featureSet) {
        return new RfmOptions(dataset, featureSet, null, true);
    }

    public RfmOptions withReferenceDate(LocalDate date) {
        return new RfmOptions(dataset, featureSet, date, excludeCancelled);
    }

    public RfmOptions withExcludeCancelled(boolean exclude) {
        return new RfmOptions(dataset, featureSet, referenceDate, exclude);
    }
}

package org.personaworkbench.engine.recommendations;

/**
 * What every model of one fit shares: the training matrix as arrays, each item's category and text vector, the
 * re-ranker and the popularity model that serves cold-start users. Built once per {@link Recommenders#fit} (a
 * hybrid's components share it).
 */
record ModelBasis(Interactions train, RecommenderOptions options, SparseRatings ratings, String[] categoryOfItem,
                  ItemTexts texts, Reranker reranker) {

    static ModelBasis of(Interactions train, RecommenderOptions options) {
        SparseRatings ratings = SparseRatings.of(train);
        String[] categories = new String[train.items()];
        for (int i = 0; i < categories.length; i++) {
            categories[i] = options.catalog().category(train.itemId(i));
        }
        ItemTexts texts = options.catalog().items().isEmpty() ? null : ItemTexts.of(train, options.catalog());
        java.util.Map<String, double[]> boosts = new java.util.HashMap<>();
        for (String context : options.contextShares().keySet()) {
            double[] boost = ContextShares.boosts(options.contextShares(), context, train);
            if (boost != null) {
                boosts.put(context, boost);
            }
        }
        return new ModelBasis(train, options, ratings, categories, texts,
                new Reranker(ratings, categories, texts, boosts));
    }

    /** "rated" for explicit ratings, "bought" for purchases and other implicit events. */
    String verb() {
        return train.kind() == FeedbackKind.EXPLICIT ? "rated" : "bought";
    }

    String title(int item) {
        return options.catalog().title(train.itemId(item));
    }
}

/**
 * Recommendations: user–item {@link org.personaworkbench.engine.recommendations.Interactions} from a
 * transactions, events or ratings dataset; models (popularity, item-item and user-user kNN, ALS, content TF-IDF,
 * hybrid) behind one {@link org.personaworkbench.engine.recommendations.Recommender} interface, each
 * recommendation with its explanation; re-ranking (diversity, business filters); and offline evaluation whose
 * every figure carries its {@link org.personaworkbench.engine.recommendations.EvaluationProtocol}.
 */
package org.personaworkbench.engine.recommendations;

package org.personaworkbench.app.recommendations;

/**
 * One item in a customer's history: id, catalogue title, strength (count, decayed count or rating) and the
 * date of the latest interaction ("" when unknown).
 */
public record HistoryRow(String item, String title, double value, String date) {
}

package org.personaworkbench.app.experiments;

/**
 * One variant's posterior density for the chart: x in percent (a conversion rate) or the metric's units (a mean).
 */
public record PosteriorSeries(String variant, double[] x, double[] density) {
}

/**
 * Features computed per customer from a project's datasets. First slice: RFM ({@link
 * org.personaworkbench.engine.features.RfmFeatures}) with quintile scores and segment names, saved in the
 * project as a dataset of the same name plus a recipe entry.
 */
package org.personaworkbench.engine.features;

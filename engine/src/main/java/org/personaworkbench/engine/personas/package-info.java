/**
 * Personas: every segment of a saved segmentation run as a named, editable persona with figures from the data,
 * a content map and workshop notes, stored in the project (one JSON document per run and segment) so every
 * edit survives a crash. {@link org.personaworkbench.engine.personas.Personas} drafts, opens and saves them;
 * {@link org.personaworkbench.engine.personas.PersonaNamer} suggests distinct names from tested traits and RFM
 * position; {@link org.personaworkbench.engine.personas.PersonaExports} writes cards and decks (PDF, PNG) and
 * JSON that another project can import.
 */
package org.personaworkbench.engine.personas;

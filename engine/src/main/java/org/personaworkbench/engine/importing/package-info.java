/**
 * Getting data in: {@link org.personaworkbench.engine.importing.CsvInspector} looks at the start of a
 * CSV/TSV file (plain or gzip) and proposes a format, column types with their patterns and column roles;
 * the analyst adjusts them as {@link org.personaworkbench.engine.importing.ColumnSpec}s; then
 * {@link org.personaworkbench.engine.importing.CsvImporter} streams the whole file once into a new dataset
 * of a project, collecting bad rows for a {@link org.personaworkbench.engine.importing.BadRowPolicy}.
 *
 * <p>The package-private helpers are small and separately tested: {@code SourceFile} (gzip by magic bytes,
 * BOM, byte count and SHA-256 while streaming), {@code EncodingDetector}, {@code DelimiterDetector},
 * {@code HeaderDetector}, {@code ColumnSample} (type inference), {@code RoleSuggester},
 * {@code FieldConverter} with {@code FastNumbers} and {@code TemporalScanner} (allocation-light field
 * parsing), and {@code ConvertingHandler} (a FastCSV callback that converts fields in place).
 */
package org.personaworkbench.engine.importing;

/**
 * The H2 implementation of projects: one {@code .mv.db} file per project, schema by Flyway migrations
 * in {@code db/migration}, dataset rows in {@code DS_<n>} tables with columns {@code C1..Cn} (the
 * analyst's names live in metadata), imports staged in {@code STAGING_<n>} tables that only become
 * visible when their metadata row is committed. Only {@link org.personaworkbench.engine.project.h2.H2ProjectStore}
 * is public; everything else is reached through the {@code project} interfaces.
 */
package org.personaworkbench.engine.project.h2;

-- Persona Workbench project schema, version 6: personas.
-- One JSON document per segment of a saved segmentation run (written and read by org.personaworkbench.engine.personas),
-- keyed by the run's name ignoring case (RUN_KEY, lower case like SEGMENTATION_RUNS.NAME_KEY) and the segment number.
-- Every edit replaces one row in its own transaction, so an edit survives a crash. Deleting a run deletes its
-- personas in the same transaction (H2Project.deleteSegmentationRun).

CREATE TABLE PERSONAS (
    RUN_KEY    CHARACTER VARYING(100) NOT NULL,
    RUN_NAME   CHARACTER VARYING(100) NOT NULL,
    SEGMENT    INTEGER NOT NULL,
    DOC        CHARACTER LARGE OBJECT NOT NULL,
    UPDATED_AT TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT PERSONAS_PK PRIMARY KEY (RUN_KEY, SEGMENT)
);

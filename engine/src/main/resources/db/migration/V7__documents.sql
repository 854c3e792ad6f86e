-- Persona Workbench project schema, version 7: named documents.
-- One JSON document per kind and name (ignoring case): saved experiments (KIND 'experiment'), recommendation
-- evaluations ('evaluation') and whatever later steps keep as a small document. NAME_KEY is the lower-cased name
-- like the other name keys. Every save replaces one row in its own transaction.

CREATE TABLE DOCUMENTS (
    KIND       CHARACTER VARYING(40) NOT NULL,
    NAME_KEY   CHARACTER VARYING(100) NOT NULL,
    NAME       CHARACTER VARYING(100) NOT NULL,
    DOC        CHARACTER LARGE OBJECT NOT NULL,
    UPDATED_AT TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT DOCUMENTS_PK PRIMARY KEY (KIND, NAME_KEY)
);

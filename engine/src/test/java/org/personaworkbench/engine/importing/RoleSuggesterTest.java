package org.personaworkbench.engine.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleSuggesterTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({
        "customer_id,   INTEGER,  CUSTOMER_ID",
        "CustomerID,    INTEGER,  CUSTOMER_ID",
        "Customer ID,   TEXT,     CUSTOMER_ID",
        "user_id,       INTEGER,  CUSTOMER_ID",
        "userId,        TEXT,     CUSTOMER_ID",
        "client,        TEXT,     CUSTOMER_ID",
        "client_no,     TEXT,     CUSTOMER_ID",
        "member-number, INTEGER,  CUSTOMER_ID",
        "item_id,       INTEGER,  ITEM_ID",
        "StockCode,     TEXT,     ITEM_ID",
        "product_id,    TEXT,     ITEM_ID",
        "SKU,           TEXT,     ITEM_ID",
        "movieId,       INTEGER,  ITEM_ID",
        "InvoiceDate,   DATETIME, TIMESTAMP",
        "event_time,    DATETIME, TIMESTAMP",
        "created,       DATE,     TIMESTAMP",
        "timestamp,     INTEGER,  TIMESTAMP",
        "Timestamp,     DATETIME, TIMESTAMP",
        "amount,        DECIMAL,  AMOUNT",
        "Revenue,       DECIMAL,  AMOUNT",
        "sales,         DECIMAL,  AMOUNT",
        "total,         DECIMAL,  AMOUNT",
        "total_price,   DECIMAL,  AMOUNT",
        "spend,         INTEGER,  AMOUNT",
        "monetary,      DECIMAL,  AMOUNT",
        "order_amount,  DECIMAL,  AMOUNT",
        "qty,           INTEGER,  QUANTITY",
        "Quantity,      INTEGER,  QUANTITY",
        "price,         DECIMAL,  PRICE",
        "unit_price,    DECIMAL,  PRICE",
        "UnitPrice,     DECIMAL,  PRICE",
        "category,      TEXT,     CATEGORY",
        "genre,         TEXT,     CATEGORY",
        "Segment,       TEXT,     CATEGORY",
        "Country,       TEXT,     CATEGORY",
        "product_category, TEXT,  CATEGORY",
        "Description,   TEXT,     TEXT",
        "review,        TEXT,     TEXT",
        "variant,       TEXT,     VARIANT",
        "group,         TEXT,     VARIANT",
        "arm,           TEXT,     VARIANT",
        "converted,     BOOLEAN,  OUTCOME",
        "converted,     INTEGER,  OUTCOME",
        "clicked,       BOOLEAN,  OUTCOME",
        "purchase,      BOOLEAN,  OUTCOME",
        "retention_1,   BOOLEAN,  OUTCOME",
        "is_churned,    BOOLEAN,  OUTCOME",
        "InvoiceNo,     TEXT,     NONE",
        "age,           INTEGER,  NONE",
        "price,         TEXT,     NONE",
        "notes_count,   INTEGER,  NONE"})
    void suggestsARoleFromTheName(String name, ColumnType type, ColumnRole expected) {
        ColumnSample sample = new ColumnSample();
        if (type == ColumnType.INTEGER && expected == ColumnRole.OUTCOME) {
            sample.add("0");
            sample.add("1");
        }
        assertEquals(expected, RoleSuggester.suggest(name, type, sample));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        "bucket_name; control|treatment|control|treatment|control|treatment|control; VARIANT",
        "x;           A|B|A|control|B|A;                                                VARIANT",
        "flag;        0|1|1|0|1;                                                        NONE",
        "note;        a long free text that describes the thing in many many words;    TEXT",
        "tier;        gold|silver|gold|bronze;                                          CATEGORY",
        "colour;      red|red|red|red|red|red|red|red|red|red|blue|blue|blue|blue|blue|blue|blue|blue|blue|blue; CATEGORY",
        "code;        a1|b2|c3|d4;                                                      NONE"})
    void suggestsARoleFromTheValuesWhenTheNameSaysNothing(String name, String values, ColumnRole expected) {
        ColumnSample sample = new ColumnSample();
        for (String v : values.split("\\|")) {
            sample.add(v);
        }
        assertEquals(expected, RoleSuggester.suggest(name, sample.infer().type(), sample));
    }

    @ParameterizedTest
    @CsvSource({"Customer_ID, customerid", "'unit price', unitprice", "Event-Time, eventtime", "a.b_c d, abcd"})
    void normalizesNamesIgnoringCaseAndSeparators(String name, String expected) {
        assertEquals(expected, RoleSuggester.normalize(name));
    }
}

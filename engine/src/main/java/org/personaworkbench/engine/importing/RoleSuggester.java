package org.personaworkbench.engine.importing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Suggests what a column means from its name (ignoring case, spaces, underscores, dashes and dots) and,
 * where the name says nothing, from its type and sampled values. The analyst can change every suggestion;
 * a wrong guess costs a click, so the rules favour the common names of retail, streaming and A/B data.
 */
final class RoleSuggester {

    private static final String ID = "(id|no|nr|num|number|key|code|ref)";

    private static final Pattern CUSTOMER = Pattern.compile(
            "(customer|cust|user|client|member|account|visitor|shopper|buyer|household|subscriber|person|player|"
                    + "patron|guest|consumer)" + ID + "?|uid|clientname|customername");
    private static final Pattern ITEM = Pattern.compile(
            "(item|product|prod|stock|article|movie|film|book|track|song|offer|catalog|catalogue|good|asset|"
                    + "content|video|show|title|listing|part|model)" + ID + "|sku|asin|isbn|ean|upc|gtin");
    /** Names of whole-number columns that hold epoch times (date and time types need no name). */
    private static final Pattern EPOCH = Pattern.compile(
            ".*timestamp|ts|epoch|unixtime|eventtime|(created|updated|ordered|purchased|occurred|event)(at|on)");
    private static final Pattern QUANTITY = Pattern.compile(
            "qty|quantity|quantities|units|unitssold|numitems|itemcount|itemsqty|pieces|count|(order|item|sales)?qty|"
                    + ".*quantity");
    private static final Pattern PRICE = Pattern.compile(
            "price|unitprice|priceeach|itemprice|listprice|saleprice|unitcost|cost|rate|priceperunit|.*price");
    private static final Pattern AMOUNT = Pattern.compile(
            "amount|amt|revenue|revenues|sales|sale|total|totalprice|totalamount|totalvalue|spend|spent|spending|"
                    + "monetary|ordervalue|value|gmv|payment|paid|turnover|basketvalue|.*(amount|revenue|spend|sales)");
    private static final Pattern CATEGORY = Pattern.compile(
            ".*(category|categories)|genre|genres|segment|country|region|city|state|province|channel|brand|"
                    + "department|dept|gender|sex|tier|plan|type|class|kind|device|platform|source|medium|"
                    + "language|store|shop|market|agegroup|agebracket");
    private static final Pattern TEXT = Pattern.compile(
            "description|desc|comment|comments|review|reviewtext|text|notes|note|message|body|summary|feedback|"
                    + ".*description");
    private static final Pattern VARIANT = Pattern.compile(
            "variant|variation|group|arm|treatment|experimentgroup|abgroup|testgroup|bucket|cell|condition|version|"
                    + "cohortgroup|assignment|.*(variant|arm)");
    private static final Pattern OUTCOME = Pattern.compile(
            "(is|has|did)?(converted|conversion|convert|clicked|click|purchased|purchase|bought|churned|churn|"
                    + "retained|retention\\d*|outcome|label|target|success|signedup|signup|subscribed|responded|"
                    + "response|opened|open|redeemed)(flag)?");

    private static final Set<String> VARIANT_VALUES = Set.of(
            "control", "treatment", "test", "variant", "a", "b", "c", "variant_a", "variant_b", "variant a",
            "variant b", "group a", "group b", "group_a", "group_b", "baseline", "experiment", "holdout", "new", "old");

    private RoleSuggester() {
    }

    /** Lower case with spaces, underscores, dashes and dots removed: "Customer_ID" → "customerid". */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** A role for a column from its name alone, or from its name and type and values when given. */
    static ColumnRole suggest(String name, ColumnType type, ColumnSample sample) {
        String n = normalize(name);
        boolean numeric = type.isNumeric();
        boolean temporal = type == ColumnType.DATE || type == ColumnType.DATETIME;
        boolean flag = type == ColumnType.BOOLEAN || sample != null && type == ColumnType.INTEGER && sample.zeroOne();
        if (CUSTOMER.matcher(n).matches() && !temporal) {
            return ColumnRole.CUSTOMER_ID;
        }
        if (ITEM.matcher(n).matches() && !temporal) {
            return ColumnRole.ITEM_ID;
        }
        if (temporal || EPOCH.matcher(n).matches() && type == ColumnType.INTEGER) {
            return ColumnRole.TIMESTAMP;
        }
        if (OUTCOME.matcher(n).matches() && (flag || type == ColumnType.TEXT && looksLikeFlag(sample))) {
            return ColumnRole.OUTCOME;
        }
        if (VARIANT.matcher(n).matches() && !numeric || type == ColumnType.TEXT && looksLikeVariant(sample)) {
            return ColumnRole.VARIANT;
        }
        if (numeric) {
            if (QUANTITY.matcher(n).matches()) {
                return ColumnRole.QUANTITY;
            }
            if (PRICE.matcher(n).matches() && !n.startsWith("total")) {
                return ColumnRole.PRICE;
            }
            if (AMOUNT.matcher(n).matches()) {
                return ColumnRole.AMOUNT;
            }
        }
        if (TEXT.matcher(n).matches() && type == ColumnType.TEXT) {
            return ColumnRole.TEXT;
        }
        if (CATEGORY.matcher(n).matches() && (type == ColumnType.TEXT || type == ColumnType.INTEGER)) {
            return ColumnRole.CATEGORY;
        }
        if (type == ColumnType.TEXT && sample != null) {
            if (sample.averageLength() >= 40) {
                return ColumnRole.TEXT;
            }
            if (fewDistinct(sample)) {
                return ColumnRole.CATEGORY;
            }
        }
        return ColumnRole.NONE;
    }

    private static boolean looksLikeVariant(ColumnSample sample) {
        Set<String> values = sample == null ? null : sample.distinctValues();
        return values != null && values.size() >= 2 && values.size() <= 6 && VARIANT_VALUES.containsAll(values)
                && (values.contains("control") || values.contains("treatment") || values.contains("holdout")
                    || values.contains("baseline"));
    }

    private static boolean looksLikeFlag(ColumnSample sample) {
        Set<String> values = sample == null ? null : sample.distinctValues();
        return values != null && !values.isEmpty() && Set.of("0", "1", "true", "false", "yes", "no").containsAll(values);
    }

    /** A text column with at most 20 distinct values, each seen 10 times on average: a category. */
    private static boolean fewDistinct(ColumnSample sample) {
        Set<String> values = sample.distinctValues();
        return values != null && sample.values() >= 20 && values.size() <= 20
                && sample.values() >= 10L * values.size();
    }
}

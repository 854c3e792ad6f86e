package org.personaworkbench.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small shop made through the command line for CLI tests: 60 customers in three groups of 20 — 12 recent
 * orders at 40, 4 orders at 9–10 spread over the year, one order long ago — imported as "orders" with RFM
 * features "rfm". Public for the UI tests that need a real project.
 */
public final class ShopProject {

    private ShopProject() {
    }

    /** Creates {@code dir/shop.mv.db}; {@code customerId} gives the id text of customer 0..59 (already CSV-quoted). */
    public static Path create(Path dir, IntFunction<String> customerId) throws IOException {
        Path project = dir.resolve("shop");
        Path orders = dir.resolve("orders.csv");
        StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n");
        int invoice = 1000;
        for (int c = 0; c < 60; c++) {
            int group = c % 3;
            int orderCount = group == 0 ? 12 : group == 1 ? 4 : 1;
            for (int o = 0; o < orderCount; o++) {
                int day = group == 2 ? 1 + c % 2 : 200 - o * (group == 0 ? 10 : 40) - c % 2;
                String date = java.time.LocalDate.of(2024, 1, 1).plusDays(day) + " 10:00";
                double price = group == 0 ? 40 : 9 + c % 2;
                csv.append(invoice++).append(",SKU").append(c % 9).append(",1,")
                        .append(date).append(",").append(price).append(",").append(customerId.apply(c)).append("\n");
            }
        }
        Files.writeString(orders, csv);
        assertEquals(0, CliRun.pwb("new", project.toString()).code());
        CliRun imported = CliRun.pwb("import", project.toString(), "--csv", orders.toString(), "--name", "orders",
                "--role", "CustomerID=customer_id", "--role", "InvoiceDate=timestamp");
        assertEquals(0, imported.code(), imported.err());
        CliRun rfm = CliRun.pwb("features", "rfm", project.toString(), "--dataset", "orders", "--name", "rfm");
        assertEquals(0, rfm.code(), rfm.err());
        return project;
    }
}
